using System.Text.Json;
using System.Text.Json.Serialization;
using ReputationEngine.Abstractions.Mentions;

namespace ReputationEngine.Server.MentionLog;

/// <summary>The mention log's payload format: the validated mention as compact UTF-8 JSON.</summary>
public static class MentionSerializer
{
    public static byte[] Serialize(Mention mention) => JsonSerializer.SerializeToUtf8Bytes(mention, MentionJsonContext.Default.Mention);

    public static Mention Deserialize(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, MentionJsonContext.Default.Mention)
        ?? throw new InvalidDataException("Empty mention payload in the mention log.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Mention))]
internal sealed partial class MentionJsonContext : JsonSerializerContext;
