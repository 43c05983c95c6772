package dev.bobbin.examples.ee;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In the probe: {@code GET /journal} lists the notes, one a line; {@code ?clear} forgets them first;
 * {@code ?holdMs=n} holds the request thread first (to make many server worker threads run a fresh task).
 */
@WebServlet("/journal")
public class JournalServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String hold = request.getParameter("holdMs");
        if (hold != null) {
            try {
                Thread.sleep(Math.min(Long.parseLong(hold), 5_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (request.getParameter("clear") != null) {
            Journal.INSTANCE.clear();
        }
        response.setContentType("text/plain");
        for (String note : Journal.INSTANCE.notes()) {
            response.getWriter().println(note);
        }
    }
}
