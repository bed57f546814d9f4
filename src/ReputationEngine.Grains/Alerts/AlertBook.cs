using ReputationEngine.Abstractions.Alerts;

namespace ReputationEngine.Grains.Alerts;

/// <summary>
/// A topic's alerts, one active per kind: a signal that continues updates the active alert (its severity
/// never drops while it is active), a new one opens only after the previous is resolved.
/// Pure bookkeeping; the owning grain records the returned changes.
/// </summary>
public sealed class AlertBook(string topicId, AlertBookState state)
{
    public int ActiveCount => state.Active.Count;

    public IEnumerable<Alert> Active => state.Active.Values;

    public bool IsActive(AlertKind kind) => state.Active.ContainsKey(kind);

    /// <summary>Opens an alert of <paramref name="kind"/>, or updates the active one.</summary>
    public AlertChange Raise(AlertKind kind, int severity, AlertWindow window, double observed, double expected,
        AlertEvidence evidence, DateTimeOffset now)
    {
        severity = Math.Clamp(severity, 1, 10);
        if (state.Active.TryGetValue(kind, out var active))
        {
            var updated = active with
            {
                Severity = Math.Max(active.Severity, severity),
                Window = new AlertWindow(active.Window.From < window.From ? active.Window.From : window.From, window.To),
                Observed = observed,
                Expected = expected,
                Evidence = evidence,
                UpdatedAt = now,
                Version = active.Version + 1,
            };
            state.Active[kind] = updated;
            return new AlertChange(AlertEvent.Updated, updated);
        }

        var opened = new Alert
        {
            Id = AlertIds.Create(topicId, kind, state.NextNumber++),
            TopicId = topicId,
            Kind = kind,
            Severity = severity,
            State = AlertState.Open,
            OpenedAt = window.To,
            DetectedAt = now,
            UpdatedAt = now,
            Window = window,
            Observed = observed,
            Expected = expected,
            Evidence = evidence,
            Version = 1,
        };
        state.Active[kind] = opened;
        return new AlertChange(AlertEvent.Opened, opened);
    }

    /// <summary>Resolves the active alert of <paramref name="kind"/> because its signal is normal again.</summary>
    public AlertChange? ResolveKind(AlertKind kind, DateTimeOffset now) =>
        state.Active.TryGetValue(kind, out var active) ? Close(active, now) : null;

    /// <summary>A person's action on an active alert; null when no active alert has this id.</summary>
    public AlertChange? Act(string alertId, AlertAction action, string? assignee, DateTimeOffset now)
    {
        var active = state.Active.Values.FirstOrDefault(a => a.Id == alertId);
        if (active is null)
        {
            return null;
        }

        switch (action)
        {
            case AlertAction.Resolve:
                return Close(active, now);
            case AlertAction.Acknowledge:
                var acknowledged = active with
                {
                    State = AlertState.Acknowledged,
                    AcknowledgedAt = active.AcknowledgedAt ?? now,
                    UpdatedAt = now,
                    Version = active.Version + 1,
                };
                state.Active[active.Kind] = acknowledged;
                return new AlertChange(AlertEvent.Acknowledged, acknowledged);
            default:
                var assigned = active with { Assignee = assignee, UpdatedAt = now, Version = active.Version + 1 };
                state.Active[active.Kind] = assigned;
                return new AlertChange(AlertEvent.Assigned, assigned);
        }
    }

    /// <summary>Marks the active alert as escalated to <paramref name="level"/>; null when it is no longer open.</summary>
    public AlertChange? Escalate(string alertId, int level, DateTimeOffset now)
    {
        var active = state.Active.Values.FirstOrDefault(a => a.Id == alertId);
        if (active is null || active.State != AlertState.Open || level <= active.EscalationLevel)
        {
            return null;
        }

        var escalated = active with { EscalationLevel = level, UpdatedAt = now, Version = active.Version + 1 };
        state.Active[active.Kind] = escalated;
        return new AlertChange(AlertEvent.Escalated, escalated);
    }

    /// <summary>Privacy erasure: blanks the sample texts of these mentions in active alerts; true when any changed.</summary>
    public bool EraseSampleTexts(IReadOnlySet<string> mentionIds)
    {
        var changed = false;
        foreach (var alert in state.Active.Values.ToArray())
        {
            if (AlertSamples.WithoutTexts(alert.Evidence, mentionIds) is { } scrubbed)
            {
                state.Active[alert.Kind] = alert with { Evidence = scrubbed };
                changed = true;
            }
        }

        return changed;
    }

    private AlertChange Close(Alert active, DateTimeOffset now)
    {
        state.Active.Remove(active.Kind);
        var resolved = active with { State = AlertState.Resolved, ResolvedAt = now, UpdatedAt = now, Version = active.Version + 1 };
        return new AlertChange(AlertEvent.Resolved, resolved);
    }
}
