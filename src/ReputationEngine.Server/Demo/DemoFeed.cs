using ReputationEngine.Abstractions.Mentions;
using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Server.MentionLog;

namespace ReputationEngine.Server.Demo;

/// <summary>
/// <c>--demo</c>: defines a few topics and feeds a synthetic mention stream through the real ingest path (the
/// mention log), with an occasional viral burst — one angry post by an influential customer, shared and
/// answered many times within seconds — so a newcomer sees the dashboard move and alerts fire.
/// </summary>
public sealed class DemoFeed(
    IGrainFactory grains, MentionLogWriter writer, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DemoFeed> logger)
    : BackgroundService
{
    public static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>Ordinary chatter per topic per second (on average).</summary>
    public const double MentionsPerSecondPerTopic = 3;

    /// <summary>Chance per tick that a burst starts when none is running (about one a minute at 4 ticks per second).</summary>
    public const double BurstChancePerTick = 1.0 / 240;

    /// <summary>The first burst comes soon, so a newcomer does not wait for it.</summary>
    public static readonly TimeSpan FirstBurstAfter = TimeSpan.FromSeconds(15);

    public static readonly TimeSpan BurstDuration = TimeSpan.FromSeconds(30);
    public const int BurstMentionsPerTick = 12;

    /// <summary>Share of a burst's mentions that are reposts of the complaint (the rest are angry replies).</summary>
    public const double BurstShareFraction = 0.8;

    public const int AuthorPool = 400;

    private readonly string _run = time.GetUtcNow().ToUnixTimeSeconds().ToString();
    private long _next;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        var topics = DemoTopics.Create(time.GetUtcNow());
        foreach (var topic in topics)
        {
            var grain = grains.GetGrain<IBrandTopicGrain>(topic.Id);
            if (await grain.GetDefinitionAsync() is null)
            {
                await grain.DefineAsync(topic);
            }
        }

        logger.LogInformation("Demo feed started for topics {Topics}", string.Join(", ", topics.Select(t => t.Id)));
        var started = time.GetUtcNow();
        Burst? burst = null;
        var bursts = 0;
        using var timer = new PeriodicTimer(TickPeriod, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            var batch = new List<Mention>();
            foreach (var topic in topics)
            {
                AddChatter(batch, topic, now);
            }

            var burstDue = bursts == 0 ? now - started >= FirstBurstAfter : Random.Shared.NextDouble() < BurstChancePerTick;
            if (burst is null && burstDue)
            {
                burst = StartBurst(batch, topics[Random.Shared.Next(topics.Length)], now);
                bursts++;
            }

            if (burst is not null)
            {
                AddBurst(batch, burst, now);
                if (now - burst.StartedAt >= BurstDuration)
                {
                    burst = null;
                }
            }

            try
            {
                await writer.AppendAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The demo feed could not append {Count} mentions", batch.Count);
            }
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void AddChatter(List<Mention> batch, TopicDefinition topic, DateTimeOffset now)
    {
        var expected = MentionsPerSecondPerTopic * TickPeriod.TotalSeconds;
        var count = (int)expected + (Random.Shared.NextDouble() < expected - (int)expected ? 1 : 0);
        for (var i = 0; i < count; i++)
        {
            var roll = Random.Shared.NextDouble();
            var texts = roll < 0.35 ? DemoText.Positive : roll < 0.75 ? DemoText.Neutral : DemoText.Negative;
            var author = Random.Shared.Next(AuthorPool);
            batch.Add(NewMention(topic, Pick(texts), $"demo:user{author}", Followers(author), now, MentionKind.Post, null, null));
        }
    }

    private Burst StartBurst(List<Mention> batch, TopicDefinition topic, DateTimeOffset now)
    {
        var complaint = NewMention(topic, Pick(DemoText.Viral), $"demo:influencer{Random.Shared.Next(20)}", 150_000, now, MentionKind.Post, null, null);
        batch.Add(complaint);
        logger.LogInformation("Demo burst on {Topic}: conversation {Conversation}", topic.Id, complaint.Id);
        return new Burst(topic, complaint, now);
    }

    private void AddBurst(List<Mention> batch, Burst burst, DateTimeOffset now)
    {
        for (var i = 0; i < BurstMentionsPerTick; i++)
        {
            var author = $"demo:user{Random.Shared.Next(AuthorPool)}";
            var followers = Followers(Random.Shared.Next(AuthorPool));
            batch.Add(Random.Shared.NextDouble() < BurstShareFraction
                ? NewMention(burst.Topic, burst.Complaint.Text, author, followers, now, MentionKind.Share, burst.Complaint.Id, burst.Complaint.Id)
                : NewMention(burst.Topic, Pick(DemoText.Replies), author, followers, now, MentionKind.Reply, burst.Complaint.Id, burst.Complaint.Id));
        }
    }

    private Mention NewMention(TopicDefinition topic, string template, string author, long followers, DateTimeOffset now,
        MentionKind kind, string? conversationId, string? sharedId)
    {
        var id = $"demo:{_run}:{++_next}";
        return new Mention
        {
            Id = id,
            Source = "twitter",
            CreatedAt = now,
            AuthorId = author,
            AuthorName = author["demo:".Length..],
            AuthorFollowers = followers,
            Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, topic.Name),
            Topics = [topic.Id],
            ConversationId = conversationId ?? id,
            InReplyTo = kind == MentionKind.Reply ? conversationId : null,
            Kind = kind,
            SharedId = sharedId,
            Lang = "en",
        };
    }

    /// <summary>A few loud accounts, many quiet ones (heavy-tailed like real follower counts).</summary>
    private static long Followers(int author) => author % 50 == 0 ? 50_000 : author % 7 == 0 ? 2_000 : 50 + (author * 37 % 400);

    private static string Pick(string[] texts) => texts[Random.Shared.Next(texts.Length)];

    private sealed record Burst(TopicDefinition Topic, Mention Complaint, DateTimeOffset StartedAt);
}
