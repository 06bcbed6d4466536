package com.authorworks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConverterNotFoundException;
import org.springframework.format.support.DefaultFormattingConversionService;

import com.authorworks.platform.UserId;

class TypedIdConverterTests {

    record ShelfId(UUID value) {
        ShelfId {
            if (value.getLeastSignificantBits() == 0) {
                throw new IllegalArgumentException("not a shelf");
            }
        }
    }

    record Pair(UUID a, UUID b) {
    }

    private final DefaultFormattingConversionService conversions = new DefaultFormattingConversionService();

    TypedIdConverterTests() {
        conversions.addConverter(new TypedIdConverter());
    }

    @Test
    void anyRecordOfOneUuidIsMadeFromItsText() {
        UUID id = UUID.randomUUID();
        assertThat(conversions.convert(" " + id + " ", ShelfId.class)).isEqualTo(new ShelfId(id));
        assertThat(conversions.convert(id.toString(), UserId.class)).isEqualTo(new UserId(id));
    }

    @Test
    void malformedTextOrARefusingConstructorFailsTheConversion() {
        assertThatThrownBy(() -> conversions.convert("not-an-id", ShelfId.class))
                .isInstanceOf(ConversionFailedException.class).hasRootCauseInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> conversions.convert(new UUID(1, 0).toString(), ShelfId.class))
                .isInstanceOf(ConversionFailedException.class).hasRootCauseMessage("not a shelf");
    }

    @Test
    void otherRecordsAreNotTypedIds() {
        assertThat(conversions.canConvert(String.class, Pair.class)).isFalse();
        assertThatThrownBy(() -> conversions.convert(UUID.randomUUID().toString(), Pair.class))
                .isInstanceOf(ConverterNotFoundException.class);
    }
}
