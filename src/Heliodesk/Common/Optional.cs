using System.Text.Json;
using System.Text.Json.Serialization;

namespace Heliodesk.Common;

/// <summary>
/// A PATCH field that tells "absent" (leave it) from "null" (clear it): `{"assigneeId": null}`
/// unassigns, while a body without assigneeId leaves the assignee alone.
/// </summary>
[JsonConverter(typeof(OptionalConverterFactory))]
public readonly record struct Optional<T>(bool IsSet, T? Value)
{
    public static Optional<T> Of(T? value) => new(true, value);
}

internal sealed class OptionalConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(Optional<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(OptionalConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class OptionalConverter<T> : JsonConverter<Optional<T>>
    {
        public override bool HandleNull => true;

        // Reading with T's own converter (not a nested Deserialize) keeps the JSON path, so a bad
        // value is reported against its field ("assigneeId"), not against the whole body.
        public override Optional<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Optional<T>.Of(reader.TokenType == JsonTokenType.Null ? default : ((JsonConverter<T>)options.GetConverter(typeof(T))).Read(ref reader, typeof(T), options));

        public override void Write(Utf8JsonWriter writer, Optional<T> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Value, options);
    }
}
