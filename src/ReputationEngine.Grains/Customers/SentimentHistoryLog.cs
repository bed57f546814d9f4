using System.Buffers.Binary;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// A customer's scored mentions without text (what segmentation reads; it survives erasure): oldest first, at most
/// <see cref="CustomerGrain.MaxHistory"/>. Held as fixed 13-byte records in one buffer (instant, label, score) instead of
/// a list of objects: 13 bytes per point instead of 48, and stored as one block (docs/benchmarks.md).
/// </summary>
[GenerateSerializer]
public sealed class SentimentHistoryLog
{
    private const int RecordSize = sizeof(long) + sizeof(byte) + sizeof(float);

    [NonSerialized] private byte[] _buffer = [];
    [NonSerialized] private int _length;

    /// <summary>The points as stored: UTC ticks (8 bytes), label (1), score (4), little-endian, oldest first.</summary>
    [Id(0)]
    public byte[] Packed
    {
        get => _buffer.AsSpan(0, _length).ToArray();
        set
        {
            if (value.Length % RecordSize != 0)
            {
                throw new InvalidDataException($"A stored sentiment history is {value.Length} bytes, not a multiple of {RecordSize}.");
            }

            _buffer = value ?? [];
            _length = _buffer.Length;
        }
    }

    public int Count => _length / RecordSize;

    public static SentimentHistoryLog From(IEnumerable<HistoryPoint> oldestFirst, int max)
    {
        var log = new SentimentHistoryLog();
        foreach (var point in oldestFirst)
        {
            log.Add(point.At, point.Label, point.Score, max);
        }

        return log;
    }

    public void Add(DateTimeOffset at, SentimentLabel label, float score, int max)
    {
        if (max <= 0)
        {
            return;
        }

        if (Count >= max)
        {
            // Drop the oldest to make room: a 6.5 KB move at the bound, cheaper than a ring's copy at every write.
            var drop = (Count - max + 1) * RecordSize;
            Buffer.BlockCopy(_buffer, drop, _buffer, 0, _length - drop);
            _length -= drop;
        }
        else if (_length + RecordSize > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(max * RecordSize, Math.Max(_length + RecordSize, _buffer.Length + (_buffer.Length / 4) + (4 * RecordSize))));
        }

        var record = _buffer.AsSpan(_length, RecordSize);
        BinaryPrimitives.WriteInt64LittleEndian(record, at.UtcTicks);
        record[sizeof(long)] = (byte)label;
        BinaryPrimitives.WriteSingleLittleEndian(record[(sizeof(long) + 1)..], score);
        _length += RecordSize;
    }

    /// <summary>Oldest first, at UTC (the instants are kept, not the offsets they were written with).</summary>
    public SentimentEvent[] ToEvents()
    {
        var events = new SentimentEvent[Count];
        for (var i = 0; i < events.Length; i++)
        {
            var record = _buffer.AsSpan(i * RecordSize, RecordSize);
            events[i] = new SentimentEvent(
                new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record), TimeSpan.Zero),
                (SentimentClass)record[sizeof(long)],
                BinaryPrimitives.ReadSingleLittleEndian(record[(sizeof(long) + 1)..]));
        }

        return events;
    }
}
