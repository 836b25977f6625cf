package org.gatewaybench.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/** Jackson support for {@link Word} enums: each is written and read as its word, also as a map key. */
public final class WordModule extends SimpleModule {

    public WordModule() {
        super("gateway-bench-words");
        addSerializer(Word.class, new StdScalarSerializer<>(Word.class) {
            @Override
            public void serialize(Word value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.word());
            }
        });
        addKeySerializer(Word.class, new StdSerializer<>(Word.class) {
            @Override
            public void serialize(Word value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeFieldName(value.word());
            }
        });
        setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public KeyDeserializer modifyKeyDeserializer(DeserializationConfig config, JavaType type,
                                                         KeyDeserializer deserializer) {
                if (!Word.class.isAssignableFrom(type.getRawClass())) {
                    return deserializer;
                }
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext ctxt) {
                        return parse(type.getRawClass(), key);
                    }
                };
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description,
                                                              JsonDeserializer<?> deserializer) {
                return Word.class.isAssignableFrom(type.getRawClass())
                        ? wordDeserializer(type.getRawClass()) : deserializer;
            }
        });
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String word) {
        return Word.parse((Class) type, word);
    }

    private static JsonDeserializer<?> wordDeserializer(Class<?> enumType) {
        return new StdScalarDeserializer<Object>(enumType) {
            @Override
            public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse(enumType, text);
                } catch (IllegalArgumentException e) {
                    return ctxt.handleWeirdStringValue(enumType, text, e.getMessage());
                }
            }
        };
    }
}
