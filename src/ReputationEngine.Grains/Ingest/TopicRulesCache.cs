using ReputationEngine.Abstractions.Topics;
using ReputationEngine.Analytics.Matching;

namespace ReputationEngine.Grains.Ingest;

/// <summary>
/// The process-wide topic matcher, rebuilt when the topic directory's version moves. Shared by every
/// ingest worker activation on the silo; the matcher itself is immutable.
/// </summary>
public sealed class TopicRulesCache : IDisposable
{
    private volatile Snapshot _current = new(-1, new TopicMatcher([]), new HashSet<string>(), new HashSet<string>());
    private readonly SemaphoreSlim _refresh = new(1, 1);

    public sealed record Snapshot(
        long Version,
        TopicMatcher Matcher,
        IReadOnlySet<string> KnownTopics,
        IReadOnlySet<string> BrandHandles);

    /// <summary>The matcher for the directory's current version, rebuilding it when needed.</summary>
    public async Task<Snapshot> GetAsync(IGrainFactory grains)
    {
        var directory = grains.GetGrain<ITopicDirectoryGrain>(ITopicDirectoryGrain.Key);
        var version = await directory.GetVersionAsync();
        if (_current.Version == version)
        {
            return _current;
        }

        await _refresh.WaitAsync();
        try
        {
            if (_current.Version != version)
            {
                var definitions = await directory.GetAllAsync();
                _current = Build(version, definitions);
            }

            return _current;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public static Snapshot Build(long version, IReadOnlyCollection<TopicDefinition> definitions)
    {
        var rules = definitions.Select(d => new TopicRule(d.Id, d.Keywords, d.Hashtags, d.Handles, d.Exclude));
        // A brand account is one whatever the mention matched: "sorry, we are on it" names no topic.
        var brandHandles = definitions.SelectMany(d => d.BrandHandles).Select(NormalizeHandle).ToHashSet(StringComparer.Ordinal);
        return new Snapshot(version, new TopicMatcher(rules), definitions.Select(d => d.Id).ToHashSet(StringComparer.Ordinal), brandHandles);
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
