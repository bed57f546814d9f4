using System.Buffers;
using System.Text;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// The conversations a customer wrote in as UTF-8 ids: most recent last, each once, bounded. About 25 bytes per id
/// instead of about 110 as strings with an index beside them; a lookup scans the buffer, comparing lengths first.
/// </summary>
[GenerateSerializer]
public sealed class ConversationIdLog : PackedLog
{
    public static ConversationIdLog From(IEnumerable<string> oldestFirst, int max)
    {
        var log = new ConversationIdLog();
        foreach (var id in oldestFirst)
        {
            log.Touch(id, max);
        }

        return log;
    }

    /// <summary>Makes <paramref name="conversationId"/> the most recent, dropping the oldest past <paramref name="max"/>.</summary>
    public void Touch(string conversationId, int max)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var byteCount = Encoding.UTF8.GetByteCount(conversationId);
        byte[]? rented = null;
        var id = byteCount <= 512 ? stackalloc byte[byteCount] : (rented = ArrayPool<byte>.Shared.Rent(byteCount)).AsSpan(0, byteCount);
        try
        {
            Encoding.UTF8.GetBytes(conversationId, id);
            ReadOnlySpan<byte> key = id;
            if (Newest().SequenceEqual(key))
            {
                return;
            }

            var found = Find(key, static (ReadOnlySpan<byte> record, ReadOnlySpan<byte> key) => record.SequenceEqual(key));
            if (found >= 0)
            {
                RemoveAt(found);
            }

            Append(key.Length, key, static (Span<byte> span, ReadOnlySpan<byte> key) => key.CopyTo(span), max);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Oldest first.</summary>
    public string[] ToArray() => ReadAll(static record => Encoding.UTF8.GetString(record));

    /// <summary>Most recent first, at most <paramref name="take"/>.</summary>
    public string[] NewestFirst(int take)
    {
        var all = ToArray();
        Array.Reverse(all);
        return all.Length <= take ? all : all[..take];
    }
}
