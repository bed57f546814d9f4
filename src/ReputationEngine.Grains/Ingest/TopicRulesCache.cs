using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Matching;

namespace ReputationEngine.Grains.Ingest;

/// <summary>
/// The process-wide topic definitions and matcher, rebuilt when the topic directory's version moves. Shared by
/// every ingest worker and conversation activation on the silo (so a new conversation does not ask its busy
/// topic grain for its settings); a snapshot is immutable.
/// </summary>
public sealed class TopicRulesCache : IDisposable
{
    /// <summary>How long callers that run per grain (not per batch) trust a snapshot before its version is checked again.</summary>
    public static readonly TimeSpan PerGrainMaxAge = TimeSpan.FromSeconds(1);

    private volatile Snapshot _current = new(-1, new TopicMatcher([]), new HashSet<string>(), new HashSet<string>(),
        new Dictionary<string, TopicDefinition>());
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _checkedAtTicks = long.MinValue;

    public sealed record Snapshot(
        long Version,
        TopicMatcher Matcher,
        IReadOnlySet<string> KnownTopics,
        IReadOnlySet<string> BrandHandles,
        IReadOnlyDictionary<string, TopicDefinition> Definitions);

    /// <summary>The matcher for the directory's current version, rebuilding it when needed.</summary>
    public Task<Snapshot> GetAsync(IGrainFactory grains) => GetAsync(grains, TimeSpan.Zero);

    /// <summary>
    /// As <see cref="GetAsync(IGrainFactory)"/>, but trusts a snapshot whose version was checked within <paramref name="maxAge"/>
    /// (callers that run per grain rather than per batch would otherwise make the directory grain a hot spot).
    /// </summary>
    public async Task<Snapshot> GetAsync(IGrainFactory grains, TimeSpan maxAge)
    {
        // Real time, not the engine clock: staleness of a cache is about wall time, also under a replay or test clock.
        var now = Environment.TickCount64 * TimeSpan.TicksPerMillisecond;
        var current = _current;
        if (maxAge > TimeSpan.Zero && current.Version >= 0 && now - Interlocked.Read(ref _checkedAtTicks) <= maxAge.Ticks)
        {
            return current;
        }

        var directory = grains.GetCachedGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key);
        var version = await directory.GetVersionAsync();
        if (_current.Version == version)
        {
            Interlocked.Exchange(ref _checkedAtTicks, now);
            return _current;
        }

        await _refresh.WaitAsync();
        try
        {
            if (_current.Version != version)
            {
                var definitions = await directory.GetAllAsync();
                _current = Build(version, definitions);
                Interlocked.Exchange(ref _checkedAtTicks, now);
            }

            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>As <see cref="GetAsync(IGrainFactory, TimeSpan)"/>, checking the version again when a topic asked for is not in the snapshot.</summary>
    public async Task<Snapshot> GetAsync(IGrainFactory grains, TimeSpan maxAge, IEnumerable<string> topicIds)
    {
        var snapshot = await GetAsync(grains, maxAge);
        return topicIds.All(snapshot.Definitions.ContainsKey) ? snapshot : await GetAsync(grains, TimeSpan.Zero);
    }

    /// <summary>The next read checks the directory's version, whatever its max age.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _checkedAtTicks, long.MinValue);

    public static Snapshot Build(long version, IReadOnlyCollection<TopicDefinition> definitions)
    {
        var rules = definitions.Select(d => new TopicRule(d.Id, d.Keywords, d.Hashtags, d.Handles, d.Exclude));
        // A brand account is one whatever the mention matched: "sorry, we are on it" names no topic.
        var brandHandles = definitions.SelectMany(d => d.BrandHandles).Select(NormalizeHandle).ToHashSet(StringComparer.Ordinal);
        return new Snapshot(version, new TopicMatcher(rules), definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal), brandHandles,
            definitions.ToDictionary(d => d.Id, StringComparer.Ordinal));
    }

    /// <summary>"@Acme", "acme" and "tw:acme" all name the account acme.</summary>
    public static string NormalizeHandle(string handle)
    {
        var h = handle.Trim().TrimStart('@');
        var colon = h.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? h[(colon + 1)..] : h).ToLowerInvariant();
    }

    public void Dispose() => _refresh.Dispose();
}
