using System.Buffers;
using System.Text.Json;

namespace ReputationEngine.LoadTests.Traffic;

/// <summary>Writes mentions as NDJSON (DESIGN §4.2), including the deliberate defects of invalid items.</summary>
public static class NdjsonEncoder
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>How far in the future a <see cref="MentionDefect.FarFuture"/> item claims to be.</summary>
    private static readonly TimeSpan FarFuture = TimeSpan.FromDays(2);

    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    public static byte[] Encode(IReadOnlyList<SyntheticMention> mentions)
    {
        var buffer = new ArrayBufferWriter<byte>(mentions.Count * 320);
        using var writer = new Utf8JsonWriter(buffer, Options);
        foreach (var m in mentions)
        {
            Write(writer, m);
            writer.Flush();
            buffer.Write("\n"u8);
            writer.Reset(buffer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter w, SyntheticMention m)
    {
        w.WriteStartObject();
        w.WriteString("id", m.Id);
        w.WriteString("source", m.Defect == MentionDefect.UnknownSource ? "carrier-pigeon" : m.Source);
        w.WriteString("createdAt", m.Defect == MentionDefect.FarFuture ? DateTimeOffset.UtcNow + FarFuture : m.CreatedAt);
        w.WriteStartObject("author");
        if (m.Defect != MentionDefect.MissingAuthor)
        {
            w.WriteString("id", m.AuthorId);
        }

        w.WriteNumber("followers", m.Followers);
        w.WriteEndObject();
        w.WriteString("text", m.Defect == MentionDefect.EmptyText ? "" : m.Text);
        w.WriteStartArray("topics");
        w.WriteStringValue(m.Topic);
        w.WriteEndArray();
        w.WriteString("kind", m.Kind);
        if (m.ConversationId is not null)
        {
            w.WriteString("conversationId", m.ConversationId);
        }

        if (m.InReplyTo is not null)
        {
            w.WriteString("inReplyTo", m.InReplyTo);
        }

        if (m.SharedId is not null)
        {
            w.WriteString("sharedId", m.SharedId);
        }

        w.WriteString("lang", "en");
        w.WriteEndObject();
    }
}
