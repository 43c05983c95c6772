package dev.bobbin.cdi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.interceptor.Interceptor;

import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import dev.bobbin.core.MethodRules;

/**
 * Bobbin for full CDI (Weld SE, WildFly, Open Liberty): registers Bobbin's beans and interceptors (the jar
 * is deliberately not a bean archive, so each class is registered exactly once) and reports every
 * misused annotation as a definition error at deployment.
 */
public class BobbinExtension implements Extension {
    /** Bobbin's beans and interceptors, registered by this extension or the build-compatible one. */
    static final List<Class<?>> CLASSES = List.of(
            BobbinRuntime.class,
            ReactorBean.class,
            ResultStoreBean.class,
            WaitForInterceptor.class,
            RunInReactorInterceptor.class);

    /**
     * Bobbin's MicroProfile Health checks, by name: registered only when the Health API is present, and
     * never referred to by a class literal, so an application without the API never loads them.
     */
    static final List<String> HEALTH_CHECKS =
            List.of("dev.bobbin.health.ReactorLivenessCheck", "dev.bobbin.health.ReactorReadinessCheck");

    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";

    /** Collected over all beans and reported together: containers stop at the first error they see. */
    private final List<String> problems = new ArrayList<>();

    void registerBobbin(@Observes BeforeBeanDiscovery discovery) {
        for (Class<?> type : CLASSES) {
            discovery.addAnnotatedType(type, "dev.bobbin." + type.getSimpleName());
        }
        for (String name : healthChecks()) {
            try {
                Class<?> type = Class.forName(name, false, BobbinExtension.class.getClassLoader());
                discovery.addAnnotatedType(type, "dev.bobbin." + type.getSimpleName());
            } catch (ClassNotFoundException | LinkageError e) {
                // the API is visible but unusable from Bobbin's class loader: no health checks
            }
        }
    }

    /**
     * The health checks to register: all of them when Bobbin's class loader (which must resolve the API for
     * the checks to load) sees the MicroProfile Health API, none otherwise.
     *
     * @return class names
     */
    static List<String> healthChecks() {
        return Environment.visible(HEALTH_API) ? HEALTH_CHECKS : List.of();
    }

    void validateAnnotatedMethods(@Observes ProcessManagedBean<?> bean) {
        AnnotatedType<?> type = bean.getAnnotatedBeanClass();
        if (type.isAnnotationPresent(Interceptor.class)) {
            return; // an interceptor's own binding (ours included) is no use of the annotation
        }
        WaitFor typeWaitFor = Bindings.inherited(type.getJavaClass(), WaitFor.class, 0);
        boolean typeRunInReactor = Bindings.inherited(type.getJavaClass(), RunInReactor.class, 0) != null;
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            if (method.getDeclaringClass() == Object.class || method.isBridge() || method.isSynthetic()) {
                continue;
            }
            WaitFor methodWaitFor = annotated.getAnnotation(WaitFor.class);
            boolean methodRunInReactor = annotated.isAnnotationPresent(RunInReactor.class);
            boolean onMethod = methodWaitFor != null || methodRunInReactor;
            if (!onMethod && (annotated.isStatic() || Modifier.isPrivate(method.getModifiers()))) {
                continue; // a class-level binding never applies to these
            }
            WaitFor waitFor = methodWaitFor != null ? methodWaitFor : typeWaitFor;
            boolean runInReactor = methodRunInReactor || typeRunInReactor;
            if (waitFor == null && !runInReactor) {
                continue;
            }
            problems.addAll(MethodRules.problems(MethodRules.facts(method, waitFor, runInReactor, onMethod)));
        }
    }

    void reportDefinitionErrors(@Observes AfterBeanDiscovery discovery) {
        if (problems.size() == 1) {
            discovery.addDefinitionError(new DefinitionException(problems.get(0)));
        } else if (!problems.isEmpty()) {
            discovery.addDefinitionError(new DefinitionException(
                    problems.size() + " Bobbin definition errors:\n  " + String.join("\n  ", problems)));
        }
    }

    void validateConfiguration(@Observes AfterDeploymentValidation validation) {
        try {
            Configuration.load(Environment.applicationClassLoader());
        } catch (IllegalArgumentException e) {
            validation.addDeploymentProblem(new DeploymentException(e.getMessage(), e));
        }
    }
}
