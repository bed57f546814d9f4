using System.Threading.Channels;
using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Server.Ingest;

namespace ReputationEngine.Server.MentionLog;

/// <summary>
/// The single writer of this process's mention-log partition. Concurrent requests queue their mentions and
/// one loop commits everything queued in one transaction (group commit), then hands the durable mentions to
/// the dispatcher in log order. A request's task completes only after its mentions are committed.
/// </summary>
public sealed class MentionLogWriter(
    IMentionLogStore store, IngestPartition partition, MentionDispatcher dispatcher, LogWriterBacklog backlog, ILogger<MentionLogWriter> logger)
    : BackgroundService
{
    /// <summary>Requests waiting for the writer; beyond this, callers wait (backpressure on ingest).</summary>
    public const int MaxQueuedRequests = 1024;

    /// <summary>Mentions committed in one transaction at most.</summary>
    public const int MaxMentionsPerCommit = 20_000;

    private readonly Channel<Request> _requests = Channel.CreateBounded<Request>(new BoundedChannelOptions(MaxQueuedRequests)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Makes <paramref name="mentions"/> durable; the outcome per mention says its sequence or that it is a duplicate.</summary>
    public async Task<AppendOutcome[]> AppendAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.Count == 0)
        {
            return [];
        }

        var request = new Request(mentions, new TaskCompletionSource<AppendOutcome[]>(TaskCreationOptions.RunContinuationsAsynchronously));
        backlog.Added(mentions.Count);
        try
        {
            await _requests.Writer.WriteAsync(request, cancellationToken);
        }
        catch
        {
            backlog.Taken(mentions.Count);
            throw;
        }

        return await request.Completion.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Request>();
        var mentions = new List<Mention>();
        while (await _requests.Reader.WaitToReadAsync(stoppingToken))
        {
            // Accepting faster than the topics can detect would only make alerts late: the requests wait here instead.
            await dispatcher.WaitForTopicLaneAsync(stoppingToken);
            group.Clear();
            mentions.Clear();
            while (mentions.Count < MaxMentionsPerCommit && _requests.Reader.TryRead(out var request))
            {
                group.Add(request);
                mentions.AddRange(request.Mentions);
            }

            backlog.Taken(mentions.Count);

            try
            {
                var outcomes = await store.AppendAsync(partition.Name, mentions, stoppingToken);
                var logged = new List<LoggedMention>(mentions.Count);
                for (var i = 0; i < outcomes.Length; i++)
                {
                    if (outcomes[i].Sequence is { } sequence)
                    {
                        logged.Add(new LoggedMention(sequence, mentions[i]));
                    }
                }

                await dispatcher.EnqueueAsync([.. logged], stoppingToken);
                var offset = 0;
                foreach (var request in group)
                {
                    request.Completion.TrySetResult(outcomes[offset..(offset + request.Mentions.Count)]);
                    offset += request.Mentions.Count;
                }
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Writing {Count} mentions to the mention log failed", mentions.Count);
                foreach (var request in group)
                {
                    request.Completion.TrySetException(new MentionLogUnavailableException("The mention log could not be written.", ex));
                }
            }
        }
    }

    private sealed record Request(IReadOnlyList<Mention> Mentions, TaskCompletionSource<AppendOutcome[]> Completion);
}

public sealed class MentionLogUnavailableException(string message, Exception inner) : Exception(message, inner);
