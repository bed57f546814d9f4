using System.Buffers.Binary;
using System.Text;
using ReputationEngine.Abstractions.Customers;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// A customer's recent mentions with their text (the profile's list), oldest first, bounded. Packed as UTF-8 with the
/// topic ids inline: an active customer's 50 recent mentions were its largest part in memory, as records holding their
/// own copies of the id, conversation id, topic ids and text. Read back as <see cref="RecentMention"/>s only for a profile.
/// </summary>
[GenerateSerializer]
public sealed class RecentMentionLog : PackedLog
{
    // Instant (UTC ticks, offset minutes), label, score.
    private const int FixedSize = sizeof(long) + sizeof(short) + sizeof(byte) + sizeof(float);

    // Instead of a conversation id equal to the mention's own id (a post starts its conversation).
    private const ushort SameAsId = ushort.MaxValue;

    public static RecentMentionLog From(IEnumerable<RecentMention> oldestFirst, int max)
    {
        var log = new RecentMentionLog();
        foreach (var mention in oldestFirst)
        {
            log.Add(mention, max);
        }

        return log;
    }

    public void Add(RecentMention mention, int max)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var startsConversation = mention.ConversationId == mention.Id;
        var size = FixedSize + Utf8Size(mention.Id) + (startsConversation ? sizeof(ushort) : Utf8Size(mention.ConversationId)) + sizeof(byte)
            + mention.Topics.Sum(Utf8Size) + Encoding.UTF8.GetByteCount(mention.Text);
        Append(size, mention, static (span, mention) =>
        {
            BinaryPrimitives.WriteInt64LittleEndian(span, mention.CreatedAt.UtcTicks);
            BinaryPrimitives.WriteInt16LittleEndian(span[sizeof(long)..], (short)mention.CreatedAt.Offset.TotalMinutes);
            span[sizeof(long) + sizeof(short)] = (byte)mention.Label;
            BinaryPrimitives.WriteSingleLittleEndian(span[(sizeof(long) + sizeof(short) + 1)..], mention.Score);
            var rest = span[FixedSize..];
            rest = WriteUtf8(rest, mention.Id);
            if (mention.ConversationId == mention.Id)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(rest, SameAsId);
                rest = rest[sizeof(ushort)..];
            }
            else
            {
                rest = WriteUtf8(rest, mention.ConversationId);
            }

            rest[0] = (byte)mention.Topics.Length;
            rest = rest[1..];
            foreach (var topic in mention.Topics)
            {
                rest = WriteUtf8(rest, topic);
            }

            Encoding.UTF8.GetBytes(mention.Text, rest);
        }, max);
    }

    /// <summary>Most recent first.</summary>
    public RecentMention[] NewestFirst()
    {
        var all = ReadAll(Read);
        Array.Reverse(all);
        return all;
    }

    private static RecentMention Read(ReadOnlySpan<byte> record)
    {
        var offset = TimeSpan.FromMinutes(BinaryPrimitives.ReadInt16LittleEndian(record[sizeof(long)..]));
        var createdAt = new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record), TimeSpan.Zero).ToOffset(offset);
        var label = (SentimentLabel)record[sizeof(long) + sizeof(short)];
        var score = BinaryPrimitives.ReadSingleLittleEndian(record[(sizeof(long) + sizeof(short) + 1)..]);
        var rest = record[FixedSize..];
        var id = ReadUtf8(ref rest);
        string conversationId;
        if (BinaryPrimitives.ReadUInt16LittleEndian(rest) == SameAsId)
        {
            conversationId = id;
            rest = rest[sizeof(ushort)..];
        }
        else
        {
            conversationId = ReadUtf8(ref rest);
        }

        var topics = new string[rest[0]];
        rest = rest[1..];
        for (var i = 0; i < topics.Length; i++)
        {
            topics[i] = ReadUtf8(ref rest);
        }

        return new RecentMention(id, createdAt, Encoding.UTF8.GetString(rest), label, score, conversationId, TopicNamePool.Set(topics));
    }

    private static int Utf8Size(string value)
    {
        var size = Encoding.UTF8.GetByteCount(value);
        if (size >= SameAsId)
        {
            throw new ArgumentException($"An id or topic of {size} UTF-8 bytes is longer than ingest accepts.", nameof(value));
        }

        return sizeof(ushort) + size;
    }

    private static Span<byte> WriteUtf8(Span<byte> span, string value)
    {
        var written = Encoding.UTF8.GetBytes(value, span[sizeof(ushort)..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)written);
        return span[(sizeof(ushort) + written)..];
    }

    private static string ReadUtf8(ref ReadOnlySpan<byte> span)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(span);
        var value = Encoding.UTF8.GetString(span.Slice(sizeof(ushort), length));
        span = span[(sizeof(ushort) + length)..];
        return value;
    }
}
