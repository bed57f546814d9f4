namespace ReputationEngine.Analytics.Detection;

/// <summary>
/// The lifecycle of one topic's alert of one kind: at most one open; a continuing signal
/// updates it (immediately when severity rises, otherwise at most every
/// <see cref="RefreshInterval"/>); it resolves after the signal stays below its calm level for the
/// resolve delay.
/// </summary>
public sealed class AlertTracker
{
    /// <summary>Plain refreshes of a continuing alert are rate-limited to this event-time interval.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>Observed growing by this factor since the last signal also warrants an update.</summary>
    public const double GrowthForUpdate = 1.5;

    public const int MinSeverity = 1;
    public const int MaxSeverity = 10;

    private readonly AlertKind _kind;
    private AlertTrackerState _state;

    public AlertTracker(AlertKind kind, AlertTrackerState? state = null)
    {
        _kind = kind;
        _state = state ?? new AlertTrackerState(false, 0, 0, 0, 0, 0, 0, null);
    }

    public bool IsOpen => _state.IsOpen;

    public string? Subject => _state.Subject;

    public int Severity => _state.Severity;

    public AlertTrackerState ToState() => _state;

    /// <summary>
    /// Severity from how far the signal is past its threshold: <paramref name="ratio"/> is
    /// signal ÷ threshold (≥ 1 when firing); each doubling adds three levels.
    /// </summary>
    public static int SeverityFromRatio(double ratio) =>
        ratio <= 1 ? MinSeverity : Math.Clamp(MinSeverity + (int)Math.Round(3 * Math.Log2(ratio)), MinSeverity, MaxSeverity);

    /// <summary>
    /// Advances the lifecycle at event time <paramref name="now"/>. <paramref name="firing"/>: the
    /// signal is past its open threshold; <paramref name="hot"/>: not calm yet.
    /// </summary>
    public AlertSignal? Step(
        DateTimeOffset now,
        bool firing,
        bool hot,
        int severity,
        DateTimeOffset windowFrom,
        double observed,
        double expected,
        string? subject,
        TimeSpan resolveAfter,
        Func<AlertEvidence> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var s = _state;
        if (!s.IsOpen)
        {
            if (!firing)
            {
                return null;
            }

            _state = new AlertTrackerState(true, now.UtcTicks, windowFrom.UtcTicks, now.UtcTicks, now.UtcTicks, severity, observed, subject);
            return Signal(AlertAction.Open, severity, windowFrom, now, observed, expected, subject, evidence());
        }

        var lastHot = hot || firing ? now.UtcTicks : s.LastHotTicks;
        if (!firing && now.UtcTicks - lastHot >= resolveAfter.Ticks)
        {
            _state = s with { IsOpen = false, LastHotTicks = lastHot, LastSignalTicks = now.UtcTicks };
            return Signal(AlertAction.Resolve, s.Severity, new DateTimeOffset(s.WindowFromTicks, TimeSpan.Zero), now, observed, expected, s.Subject, evidence());
        }

        var rises = firing && severity > s.Severity;
        var grows = firing && observed >= s.LastObserved * GrowthForUpdate;
        var refresh = firing && now.UtcTicks - s.LastSignalTicks >= RefreshInterval.Ticks;
        if (!rises && !grows && !refresh)
        {
            _state = s with { LastHotTicks = lastHot };
            return null;
        }

        var newSeverity = Math.Max(s.Severity, severity);
        var newSubject = subject ?? s.Subject;
        _state = s with { LastHotTicks = lastHot, LastSignalTicks = now.UtcTicks, Severity = newSeverity, LastObserved = observed, Subject = newSubject };
        return Signal(AlertAction.Update, newSeverity, new DateTimeOffset(s.WindowFromTicks, TimeSpan.Zero), now, observed, expected, newSubject, evidence());
    }

    private AlertSignal Signal(AlertAction action, int severity, DateTimeOffset from, DateTimeOffset to, double observed, double expected, string? subject, AlertEvidence evidence) =>
        new(_kind, action, severity, new DateTimeOffset(_state.OpenedAtTicks, TimeSpan.Zero), from, to, Math.Round(observed, 2), Math.Round(expected, 2), subject, evidence);
}
