package com.authorworks.platform.web;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;

/**
 * Path variables and request parameters into typed ids: any record whose one component is a {@link UUID}
 * ({@code BookId}, {@code ConversationId}, ...), so no module writes its own converters. A malformed id fails the
 * conversion, which {@link ProblemDetailsAdvice} answers as that id's {@code <thing>-not-found} in a path.
 */
final class TypedIdConverter implements ConditionalGenericConverter {

    private static final ClassValue<Constructor<?>> CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : null;
            if (components == null || components.length != 1 || components[0].getType() != UUID.class) {
                return null;
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(UUID.class);
                return constructor.trySetAccessible() ? constructor : null;
            } catch (NoSuchMethodException e) {
                return null;
            }
        }
    };

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return null; // any typed id: decided by matches
    }

    @Override
    public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
        return sourceType.getType() == String.class && CONSTRUCTORS.get(targetType.getType()) != null;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null) {
            return null;
        }
        UUID id = UUID.fromString(((String) source).strip());
        try {
            return CONSTRUCTORS.get(targetType.getType()).newInstance(id);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + targetType.getType().getSimpleName(), e);
        }
    }
}
