namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// First-response SLA in event time: a customer waiting since <c>t</c> must get a brand reply by
/// <c>t + limit</c> (a reply exactly at the due time is in time). A reply after the due time is a breach too (it is found when the reply arrives, even if
/// the silence timer never fired, e.g. in a fast replay).
/// </summary>
public static class ResponseSla
{
    public static SlaStatus Evaluate(in SlaCase conversation, SlaSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Enabled || conversation.Resolved || conversation.WaitingSince is not { } since
            || (settings.NegativeOnly && !conversation.HasNegativeCustomerMessage))
        {
            return SlaStatus.NotApplicable;
        }

        var influential = conversation.CustomerInfluence >= settings.InfluentialMinInfluence;
        var limit = settings.LimitFor(conversation.CustomerInfluence);
        var due = since + limit;
        var end = conversation.AnsweredAt ?? now;
        var severity = Math.Clamp(settings.Severity + (influential ? SlaSettings.InfluentialSeverityBonus : 0), 1, 10);
        return new SlaStatus(due, end > due, influential, limit, severity);
    }

    /// <summary>
    /// The conversation's event-time clock: its latest event time, moved on by the wall-clock time that passed
    /// since that event was seen. Live traffic gets wall-clock behaviour; a replay of old data does not breach
    /// every SLA at once just because the wall clock is days ahead of the data.
    /// </summary>
    public static DateTimeOffset EventNow(DateTimeOffset latestEventAt, DateTimeOffset observedAt, DateTimeOffset wallNow) =>
        wallNow > observedAt ? latestEventAt + (wallNow - observedAt) : latestEventAt;
}
