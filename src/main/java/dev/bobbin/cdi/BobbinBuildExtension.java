package dev.bobbin.cdi;

import java.lang.reflect.Modifier;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.StereotypeInfo;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.AnnotationMember;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;

import dev.bobbin.EventualResult;
import dev.bobbin.RunInReactor;
import dev.bobbin.WaitFor;
import dev.bobbin.core.MethodRules;
import dev.bobbin.core.MethodRules.Facts;
import dev.bobbin.core.MethodRules.Returns;

/**
 * Bobbin for CDI Lite (Quarkus/ArC, which ignores portable extensions): the same registration and the
 * same rules as {@link BobbinExtension}, read from the build-time language model. Skipped where the
 * portable extension runs, or every Bobbin bean would exist twice.
 */
@SkipIfPortableExtensionPresent(BobbinExtension.class)
public class BobbinBuildExtension implements BuildCompatibleExtension {

    /** @param classes where Bobbin's beans and interceptors are added */
    @Discovery
    public void registerBobbin(ScannedClasses classes) {
        for (Class<?> type : BobbinExtension.CLASSES) {
            classes.add(type.getName());
        }
        BobbinExtension.healthChecks().forEach(classes::add);
    }

    /**
     * @param bean every bean of the application
     * @param messages where definition errors go
     */
    @Registration(types = Object.class)
    public void validateAnnotatedMethods(BeanInfo bean, Messages messages) {
        if (!bean.isClassBean() || bean.isInterceptor()) {
            return;
        }
        ClassInfo beanClass = bean.declaringClass();
        AnnotationInfo typeWaitFor = typeBinding(beanClass, bean, WaitFor.class.getName());
        boolean typeRunInReactor = typeBinding(beanClass, bean, RunInReactor.class.getName()) != null;
        for (ClassInfo type = beanClass;
                type != null && !type.name().equals(Object.class.getName());
                type = type.superClassDeclaration()) {
            for (MethodInfo method : type.methods()) {
                if (method.isConstructor() || method.name().startsWith("<")) {
                    continue;
                }
                AnnotationInfo methodWaitFor = method.annotation(WaitFor.class);
                boolean methodRunInReactor = method.hasAnnotation(RunInReactor.class);
                boolean onMethod = methodWaitFor != null || methodRunInReactor;
                String modifier =
                        Modifier.isPrivate(method.modifiers()) ? "private" : method.isStatic() ? "static" : null;
                if (!onMethod && modifier != null) {
                    continue;
                }
                AnnotationInfo waitFor = methodWaitFor != null ? methodWaitFor : typeWaitFor;
                boolean runInReactor = methodRunInReactor || typeRunInReactor;
                if (waitFor == null && !runInReactor) {
                    continue;
                }
                Facts facts = new Facts(
                        describe(type, method),
                        waitFor != null,
                        waitFor == null ? 1 : waitFor.member("timeout").asLong(),
                        unit(waitFor),
                        runInReactor,
                        returns(method.returnType()),
                        simpleName(method.returnType()),
                        onMethod,
                        modifier);
                MethodRules.problems(facts).forEach(messages::error);
            }
        }
    }

    private static AnnotationInfo typeBinding(ClassInfo beanClass, BeanInfo bean, String binding) {
        for (ClassInfo type = beanClass; type != null; type = type.superClassDeclaration()) {
            for (AnnotationInfo annotation : type.annotations()) {
                if (annotation.declaration().name().equals(binding)) {
                    return annotation;
                }
            }
        }
        for (StereotypeInfo stereotype : bean.stereotypes()) {
            for (AnnotationInfo annotation : stereotype.interceptorBindings()) {
                if (annotation.declaration().name().equals(binding)) {
                    return annotation;
                }
            }
        }
        return null;
    }

    private static String unit(AnnotationInfo waitFor) {
        if (waitFor == null || !waitFor.hasMember("unit")) {
            return ChronoUnit.SECONDS.name();
        }
        AnnotationMember unit = waitFor.member("unit");
        return unit == null ? ChronoUnit.SECONDS.name() : unit.asEnumConstant();
    }

    private static String describe(ClassInfo type, MethodInfo method) {
        List<String> parameters = new ArrayList<>();
        for (ParameterInfo parameter : method.parameters()) {
            parameters.add(simpleName(parameter.type()));
        }
        return MethodRules.describe(type.simpleName(), method.name(), parameters);
    }

    private static ClassInfo declaration(Type type) {
        if (type.isClass()) {
            return type.asClass().declaration();
        }
        if (type.isParameterizedType()) {
            return type.asParameterizedType().genericClass().declaration();
        }
        return null;
    }

    private static String simpleName(Type type) {
        if (type.isVoid()) {
            return "void";
        }
        if (type.isPrimitive()) {
            return type.asPrimitive().name();
        }
        ClassInfo declaration = declaration(type);
        return declaration != null ? declaration.simpleName() : type.toString();
    }

    private static Returns returns(Type type) {
        if (type.isVoid()) {
            return Returns.VOID;
        }
        ClassInfo declaration = declaration(type);
        if (declaration == null) {
            return Returns.OTHER;
        }
        if (declaration.name().equals(Void.class.getName())) {
            return Returns.VOID;
        }
        if (isSubtype(declaration, EventualResult.class.getName())) {
            return Returns.EVENTUAL_RESULT;
        }
        for (Class<?> async : MethodRules.ASYNC_TYPES) {
            if (isSubtype(declaration, async.getName())) {
                return Returns.ASYNC;
            }
        }
        return Returns.OTHER;
    }

    private static boolean isSubtype(ClassInfo type, String name) {
        if (type == null) {
            return false;
        }
        if (type.name().equals(name) || isSubtype(type.superClassDeclaration(), name)) {
            return true;
        }
        for (ClassInfo superInterface : type.superInterfacesDeclarations()) {
            if (isSubtype(superInterface, name)) {
                return true;
            }
        }
        return false;
    }
}
