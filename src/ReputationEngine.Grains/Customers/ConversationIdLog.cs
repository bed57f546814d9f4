using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// The conversations a customer wrote in: most recent last, each once, at most <see cref="CustomerGrain.MaxConversations"/>.
/// Held as one buffer of length-prefixed UTF-8 ids instead of a list of strings with an index beside it: about 20 bytes
/// per id instead of about 110, and stored as one block. An active customer keeps this in memory for as long as it is
/// active, and a prolific author's list is what kept growing over an hour-long soak (docs/benchmarks.md).
/// </summary>
[GenerateSerializer]
public sealed class ConversationIdLog
{
    private const int LengthPrefix = sizeof(ushort);

    [NonSerialized] private byte[] _buffer = [];
    [NonSerialized] private int _length;
    [NonSerialized] private int _lastStart = -1;

    /// <summary>The ids as stored: each a 2-byte little-endian length and its UTF-8 bytes, oldest first.</summary>
    [Id(0)]
    public byte[] Packed
    {
        get => _buffer.AsSpan(0, _length).ToArray();
        set
        {
            _buffer = value ?? [];
            _length = _buffer.Length;
            Count = 0;
            _lastStart = -1;
            for (var position = 0; position < _length; position = End(position))
            {
                _lastStart = position;
                Count++;
            }
        }
    }

    [field: NonSerialized]
    public int Count { get; private set; }

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
        if (byteCount > ushort.MaxValue)
        {
            throw new ArgumentException("A conversation id this long is not accepted at ingest.", nameof(conversationId));
        }

        byte[]? rented = null;
        var id = byteCount <= 512 ? stackalloc byte[byteCount] : (rented = ArrayPool<byte>.Shared.Rent(byteCount)).AsSpan(0, byteCount);
        try
        {
            Encoding.UTF8.GetBytes(conversationId, id);
            if (_lastStart >= 0 && IdAt(_lastStart).SequenceEqual(id))
            {
                return;
            }

            if (Find(id) is var found and >= 0)
            {
                RemoveAt(found);
            }

            Append(id);
            while (Count > max)
            {
                RemoveAt(0);
            }
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
    public string[] ToArray()
    {
        var ids = new string[Count];
        var i = 0;
        for (var position = 0; position < _length; position = End(position))
        {
            ids[i++] = Encoding.UTF8.GetString(IdAt(position));
        }

        return ids;
    }

    /// <summary>Most recent first, at most <paramref name="take"/>.</summary>
    public string[] NewestFirst(int take)
    {
        var all = ToArray();
        Array.Reverse(all);
        return all.Length <= take ? all : all[..take];
    }

    private int End(int start) => start + LengthPrefix + BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(start));

    private ReadOnlySpan<byte> IdAt(int start) =>
        _buffer.AsSpan(start + LengthPrefix, BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(start)));

    // A linear scan: lengths differ for most ids, and the bytes compare vectorised; cheaper than keeping a set of strings.
    private int Find(ReadOnlySpan<byte> id)
    {
        for (var position = 0; position < _length; position = End(position))
        {
            if (BinaryPrimitives.ReadUInt16LittleEndian(_buffer.AsSpan(position)) == id.Length && IdAt(position).SequenceEqual(id))
            {
                return position;
            }
        }

        return -1;
    }

    private void RemoveAt(int start)
    {
        var end = End(start);
        Buffer.BlockCopy(_buffer, end, _buffer, start, _length - end);
        _length -= end - start;
        Count--;
        if (_lastStart == start)
        {
            // Only the newest is ever removed and re-appended right after (Touch), so the last start is set again there.
            _lastStart = -1;
        }
        else if (_lastStart > start)
        {
            _lastStart -= end - start;
        }
    }

    private void Append(ReadOnlySpan<byte> id)
    {
        var needed = _length + LengthPrefix + id.Length;
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length + (_buffer.Length / 4) + 64));
        }

        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_length), (ushort)id.Length);
        id.CopyTo(_buffer.AsSpan(_length + LengthPrefix));
        _lastStart = _length;
        _length = needed;
        Count++;
    }
}
