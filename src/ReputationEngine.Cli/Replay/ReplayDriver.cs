using ReputationEngine.Abstractions.Ingest;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Grains.Conversations;
using ReputationEngine.Grains.Ingest;
using ReputationEngine.Grains.Topics;

namespace ReputationEngine.Cli.Replay;

/// <summary>
/// Pushes recorded mentions (in event-time order) through the real ingest pipeline in batches, advancing the replay
/// clock as it goes. Nothing in a replay happens on the wall clock, so its output depends only on the input: the
/// topics' silence check, a wall-clock timer when live, is driven from here in event time instead.
/// </summary>
public sealed class ReplayDriver(IGrainFactory grains, ReplayClock clock, ReplayActiveAlerts activeAlerts, PendingSeeds seeds, TimeSpan silenceCheckPeriod)
{
    /// <summary>A batch spans at most this much event time, so detection sees the stream as it happened.</summary>
    public static readonly TimeSpan BatchSpan = TimeSpan.FromSeconds(60);

    public const int MaxBatchSize = 5_000;
    private const string Partition = "replay";

    private readonly MentionPipeline _pipeline = new(grains);
    private long _sequence;
    private DateTimeOffset? _lastSilenceCheck;

    /// <summary>Conversations seen so far (for the summaries written at the end).</summary>
    public HashSet<string> Conversations { get; } = new(StringComparer.Ordinal);

    /// <param name="mentions">Valid mentions in event-time order.</param>
    /// <param name="afterBatch">Called after each batch (tests use it to replay slowly); the output must not change.</param>
    public async Task RunAsync(IReadOnlyList<Mention> mentions, Func<Task>? afterBatch = null)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        for (var start = 0; start < mentions.Count;)
        {
            var end = start;
            var spanEnd = mentions[start].CreatedAt + BatchSpan;
            while (end < mentions.Count && end - start < MaxBatchSize && mentions[end].CreatedAt < spanEnd)
            {
                Conversations.Add(mentions[end].ConversationId);
                end++;
            }

            var batch = new LoggedMention[end - start];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = new LoggedMention(++_sequence, mentions[start + i]);
            }

            var eventTime = mentions[end - 1].CreatedAt;
            clock.AdvanceTo(eventTime);
            await _pipeline.ApplyInOrderAsync(await _pipeline.PrepareAsync(new IngestBatch(Partition, batch)));
            await CheckSilenceAsync(eventTime);
            start = end;
            if (afterBatch is not null)
            {
                await afterBatch();
            }
        }

        // New posts' conversations are written in the background; the summaries read them after this.
        await seeds.WhenDurableAsync(Partition, long.MaxValue);
    }

    /// <summary>
    /// Once per silence check period of event time (as the live timer does once per period of wall time), every topic
    /// with an active alert learns how far event time has come; one that has been silent evaluates its detectors
    /// there and may resolve. Not after the last batch: the end of a recording is not silence.
    /// </summary>
    private async Task CheckSilenceAsync(DateTimeOffset eventTime)
    {
        if (_lastSilenceCheck is { } last && eventTime - last < silenceCheckPeriod)
        {
            return;
        }

        _lastSilenceCheck = eventTime;
        foreach (var topic in activeAlerts.Topics())
        {
            await grains.GetGrain<ITopicEventTimeGrain>(topic).AdvanceEventTimeAsync(eventTime);
        }
    }
}
