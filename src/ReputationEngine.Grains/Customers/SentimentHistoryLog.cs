using System.Buffers.Binary;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Analytics.Crm;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Grains.Persistence;

namespace ReputationEngine.Grains.Customers;

/// <summary>
/// A customer's scored mentions without text (what segmentation reads; it survives erasure), oldest first, bounded:
/// instant, label and score in 13 bytes per point instead of a 48-byte object and its reference.
/// </summary>
[GenerateSerializer]
public sealed class SentimentHistoryLog : PackedLog
{
    private const int RecordSize = sizeof(long) + sizeof(byte) + sizeof(float);

    public static SentimentHistoryLog From(IEnumerable<HistoryPoint> oldestFirst, int max)
    {
        var log = new SentimentHistoryLog();
        foreach (var point in oldestFirst)
        {
            log.Add(point.At, point.Label, point.Score, max);
        }

        return log;
    }

    public void Add(DateTimeOffset at, SentimentLabel label, float score, int max) =>
        Append(RecordSize, (Ticks: at.UtcTicks, Label: label, Score: score), static (span, point) =>
        {
            BinaryPrimitives.WriteInt64LittleEndian(span, point.Ticks);
            span[sizeof(long)] = (byte)point.Label;
            BinaryPrimitives.WriteSingleLittleEndian(span[(sizeof(long) + 1)..], point.Score);
        }, max);

    /// <summary>Oldest first, at UTC (the instants are kept, not the offsets they were written with).</summary>
    public SentimentEvent[] ToEvents() => ReadAll(static record => new SentimentEvent(
        new DateTimeOffset(BinaryPrimitives.ReadInt64LittleEndian(record), TimeSpan.Zero),
        (SentimentClass)record[sizeof(long)],
        BinaryPrimitives.ReadSingleLittleEndian(record[(sizeof(long) + 1)..])));
}
