package dev.bobbin.cdi;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

import jakarta.enterprise.inject.Stereotype;

/** Finds an interceptor binding by reflection: on the method, else on the class or its stereotypes. */
final class Bindings {
    private Bindings() {}

    static <A extends Annotation> A effective(Method method, Class<?> beanClass, Class<A> binding) {
        A onMethod = method.getAnnotation(binding);
        if (onMethod != null) {
            return onMethod;
        }
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            A onType = inherited(type, binding, 0);
            if (onType != null) {
                return onType;
            }
        }
        return null;
    }

    /** The binding on {@code element} itself or on one of its stereotypes (which may nest). */
    static <A extends Annotation> A inherited(AnnotatedElement element, Class<A> binding, int depth) {
        A direct = element.getAnnotation(binding);
        if (direct != null || depth > 4) {
            return direct;
        }
        for (Annotation annotation : element.getAnnotations()) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.isAnnotationPresent(Stereotype.class)) {
                A viaStereotype = inherited(type, binding, depth + 1);
                if (viaStereotype != null) {
                    return viaStereotype;
                }
            }
        }
        return null;
    }
}
