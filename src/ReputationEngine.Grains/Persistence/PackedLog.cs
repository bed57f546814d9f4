using System.Buffers;
using System.Buffers.Binary;

namespace ReputationEngine.Grains.Persistence;

/// <summary>
/// A bounded list of small records held as one byte buffer (each record a 4-byte little-endian length and its bytes,
/// oldest first) instead of a list of objects. An active grain keeps its lists in memory for as long as it lives, and
/// as objects they cost several times their bytes (headers, references, UTF-16 strings, per-row copies of the same
/// values); packed, they cost their bytes, and are stored as one block (docs/benchmarks.md, "Customers held packed").
/// </summary>
[GenerateSerializer]
public abstract class PackedLog
{
    private const int LengthPrefix = sizeof(int);

    [NonSerialized] private byte[] _buffer = [];
    [NonSerialized] private int _length;
    [NonSerialized] private int _newestStart = -1;

    /// <summary>The records as stored (a copy: serializers may hold it after the grain's turn).</summary>
    [Id(0)]
    public byte[] Packed
    {
        get => _buffer.AsSpan(0, _length).ToArray();
        set
        {
            _buffer = value ?? [];
            _length = _buffer.Length;
            Count = 0;
            _newestStart = -1;
            for (var start = 0; start < _length; start = End(start))
            {
                if (_length - start < LengthPrefix || EntryLength(start) < 0 || EntryLength(start) > _length - start - LengthPrefix)
                {
                    throw new InvalidDataException($"A stored {GetType().Name} is cut short at byte {start} of {_length}.");
                }

                _newestStart = start;
                Count++;
            }
        }
    }

    [field: NonSerialized]
    public int Count { get; private set; }

    public void Clear()
    {
        _buffer = [];
        _length = 0;
        _newestStart = -1;
        Count = 0;
    }

    /// <summary>Appends a record written by <paramref name="write"/> into a span of <paramref name="size"/> bytes, then drops the oldest past <paramref name="max"/>.</summary>
    protected void Append<TState>(int size, TState state, SpanAction<byte, TState> write, int max)
        where TState : allows ref struct
    {
        var needed = _length + LengthPrefix + size;
        if (needed > _buffer.Length)
        {
            // A quarter more each time: the buffer stays near its bound instead of up to twice it.
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length + (_buffer.Length / 4) + 64));
        }

        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), size);
        write(_buffer.AsSpan(_length + LengthPrefix, size), state);
        _newestStart = _length;
        _length = needed;
        Count++;
        while (Count > max)
        {
            RemoveAt(0);
        }
    }

    /// <summary>Where the record for which <paramref name="match"/> holds starts (-1: none), scanning oldest first.</summary>
    protected int Find<TState>(TState state, Func<ReadOnlySpan<byte>, TState, bool> match)
        where TState : allows ref struct
    {
        for (var start = 0; start < _length; start = End(start))
        {
            if (match(Record(start), state))
            {
                return start;
            }
        }

        return -1;
    }

    protected ReadOnlySpan<byte> Newest() => _newestStart < 0 ? default : Record(_newestStart);

    protected void RemoveAt(int start)
    {
        var end = End(start);
        Buffer.BlockCopy(_buffer, end, _buffer, start, _length - end);
        _length -= end - start;
        Count--;
        if (Count == 0)
        {
            _newestStart = -1;
        }
        else if (_newestStart >= end)
        {
            _newestStart -= end - start;
        }
        else if (_newestStart == start)
        {
            // The newest itself went: find the record now last.
            _newestStart = -1;
            for (var next = 0; next < _length; next = End(next))
            {
                _newestStart = next;
            }
        }
    }

    /// <summary>Calls <paramref name="read"/> for each record, oldest first.</summary>
    protected T[] ReadAll<T>(Func<ReadOnlySpan<byte>, T> read)
    {
        var items = new T[Count];
        var i = 0;
        for (var start = 0; start < _length; start = End(start))
        {
            items[i++] = read(Record(start));
        }

        return items;
    }

    private int EntryLength(int start) => BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(start));

    private int End(int start) => start + LengthPrefix + EntryLength(start);

    private ReadOnlySpan<byte> Record(int start) => _buffer.AsSpan(start + LengthPrefix, EntryLength(start));
}
