using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// What one topic knows about one conversation: its messages, negativity, share velocity
/// (per-minute counts over the last <see cref="VelocityMinutes"/>) and reach forecast.
/// </summary>
public sealed class ConversationActivity
{
    /// <summary>Longest velocity window supported.</summary>
    public const int VelocityMinutes = 60;

    public const int MaxSamples = 3;

    private readonly int[] _sharesPerMinute;
    private readonly List<EvidenceSample> _samples;
    private readonly List<(string Id, long Followers)> _topSharers;
    private long _lastMinute;

    public ConversationActivity(string id, DateTimeOffset startedAt, SeismicParameters? parameters)
    {
        Id = id;
        StartedAt = startedAt;
        LastSeen = startedAt;
        Forecaster = new CascadeForecaster(parameters);
        _sharesPerMinute = new int[VelocityMinutes];
        _samples = new List<EvidenceSample>(MaxSamples);
        _topSharers = new List<(string, long)>(EvidenceCollector.TopKeys);
        _lastMinute = startedAt.UtcTicks / TimeSpan.TicksPerMinute;
    }

    public ConversationActivity(ConversationActivityState state, SeismicParameters? parameters)
        : this(state?.Id ?? throw new ArgumentNullException(nameof(state)), new DateTimeOffset(state.StartedAtTicks, TimeSpan.Zero), parameters)
    {
        LastSeen = new DateTimeOffset(state.LastSeenTicks, TimeSpan.Zero);
        Messages = state.Messages;
        Negative = state.Negative;
        Forecaster = new CascadeForecaster(state.Forecast, parameters);
        state.SharesPerMinute?.AsSpan(0, Math.Min(VelocityMinutes, state.SharesPerMinute.Length)).CopyTo(_sharesPerMinute);
        _lastMinute = state.LastMinute;
        ViralEndedAt = state.ViralEndedTicks == 0 ? null : new DateTimeOffset(state.ViralEndedTicks, TimeSpan.Zero);
    }

    public string Id { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>Mentions of any kind in the conversation, shares included.</summary>
    public long Messages { get; private set; }

    public long Negative { get; private set; }

    public CascadeForecaster Forecaster { get; }

    public long Shares => Forecaster.Shares;

    public double NegativeShare => Messages == 0 ? 0 : (double)Negative / Messages;

    public IReadOnlyList<EvidenceSample> Samples => _samples;

    public IReadOnlyList<(string Id, long Followers)> TopSharers => _topSharers;

    /// <summary>
    /// When the topic's viral alert about this conversation ended (it resolved, or another conversation took it over);
    /// null if it never had one. Its reach forecast has then been reported: only a new wave of shares alerts again.
    /// </summary>
    public DateTimeOffset? ViralEndedAt { get; private set; }

    /// <summary>Records that the viral alert about this conversation ended at <paramref name="at"/> (event time).</summary>
    public void EndViralEpisode(DateTimeOffset at) => ViralEndedAt = at;

    public void Observe(in MentionObservation m)
    {
        Messages++;
        if (m.IsNegative)
        {
            Negative++;
        }

        if (m.CreatedAt > LastSeen)
        {
            LastSeen = m.CreatedAt;
        }

        if (m.IsShare)
        {
            Forecaster.AddShare((m.CreatedAt - StartedAt).TotalSeconds, m.AuthorFollowers);
            var minute = m.CreatedAt.UtcTicks / TimeSpan.TicksPerMinute;
            Advance(minute);
            if (minute > _lastMinute - VelocityMinutes)
            {
                _sharesPerMinute[(int)(minute % VelocityMinutes)]++;
            }

            NoteSharer(m.AuthorId, m.AuthorFollowers);
        }
        else if (m.Id == Id)
        {
            // The original post seeds the cascade with its author's audience.
            Forecaster.AddOriginal(m.AuthorFollowers);
        }

        if (m.Kind != MentionKind.Share)
        {
            AddSample(m.Id, m.Text);
        }
    }

    /// <summary>Keeps a sample text (the original post's, when the conversation starts from a share).</summary>
    public void AddSample(string id, string? text)
    {
        if (_samples.Count < MaxSamples && !string.IsNullOrEmpty(text))
        {
            _samples.Add(new EvidenceSample(id, text));
        }
    }

    /// <summary>Shares within the last <paramref name="minutes"/> minutes before <paramref name="now"/>.</summary>
    public int Velocity(DateTimeOffset now, int minutes)
    {
        Advance(now.UtcTicks / TimeSpan.TicksPerMinute);
        var sum = 0;
        for (var i = 0; i < Math.Min(minutes, VelocityMinutes); i++)
        {
            sum += _sharesPerMinute[(int)((_lastMinute - i) % VelocityMinutes)];
        }

        return sum;
    }

    public double ForecastFinalShares(DateTimeOffset now) => Forecaster.ForecastFinalShares((now - StartedAt).TotalSeconds);

    public ConversationActivityState ToState() =>
        new(Id, StartedAt.UtcTicks, LastSeen.UtcTicks, Messages, Negative, _sharesPerMinute.AsSpan().ContainsAnyExcept(0) ? (int[])_sharesPerMinute.Clone() : null, _lastMinute, Forecaster.ToState(),
            ViralEndedAt?.UtcTicks ?? 0);

    // Clears the per-minute slots that time has moved past.
    private void Advance(long minute)
    {
        if (minute <= _lastMinute)
        {
            return;
        }

        var steps = Math.Min(minute - _lastMinute, VelocityMinutes);
        for (var i = 1; i <= steps; i++)
        {
            _sharesPerMinute[(int)((_lastMinute + i) % VelocityMinutes)] = 0;
        }

        _lastMinute = minute;
    }

    private void NoteSharer(string authorId, long followers)
    {
        if (_topSharers.Count < EvidenceCollector.TopKeys)
        {
            _topSharers.Add((authorId, followers));
            return;
        }

        var smallest = 0;
        for (var i = 1; i < _topSharers.Count; i++)
        {
            if (_topSharers[i].Followers < _topSharers[smallest].Followers)
            {
                smallest = i;
            }
        }

        if (followers > _topSharers[smallest].Followers)
        {
            _topSharers[smallest] = (authorId, followers);
        }
    }
}
