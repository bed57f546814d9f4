namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// The last <see cref="Capacity"/> original posts (id, time, author followers, text), so a conversation
/// is only tracked once it spreads, yet its forecast still knows the original poster's audience.
/// A ring plus an index: no allocation per post once warm.
/// </summary>
public sealed class RecentPosts
{
    public const int Capacity = 4096;

    private readonly string?[] _ids = new string?[Capacity];
    private readonly long[] _ticks = new long[Capacity];
    private readonly long[] _followers = new long[Capacity];
    private readonly string?[] _texts = new string?[Capacity];
    private readonly Dictionary<string, int> _index = new(Capacity, StringComparer.Ordinal);
    private int _next;

    public void Add(string id, DateTimeOffset createdAt, long followers, string? text)
    {
        if (_index.ContainsKey(id))
        {
            return;
        }

        if (_ids[_next] is { } old)
        {
            _index.Remove(old);
        }

        _ids[_next] = id;
        _ticks[_next] = createdAt.UtcTicks;
        _followers[_next] = followers;
        _texts[_next] = text;
        _index[id] = _next;
        _next = (_next + 1) % Capacity;
    }

    public bool TryGet(string id, out DateTimeOffset createdAt, out long followers, out string? text)
    {
        if (_index.TryGetValue(id, out var slot))
        {
            createdAt = new DateTimeOffset(_ticks[slot], TimeSpan.Zero);
            followers = _followers[slot];
            text = _texts[slot];
            return true;
        }

        createdAt = default;
        followers = 0;
        text = null;
        return false;
    }
}
