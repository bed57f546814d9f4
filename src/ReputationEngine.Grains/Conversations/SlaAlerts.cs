using ReputationEngine.Abstractions.Alerts;
using ReputationEngine.Abstractions.Topics;

namespace ReputationEngine.Grains.Conversations;

/// <summary>Turns an SLA breach into a <c>slaBreach</c> alert on its topic, through the topic's alert book.</summary>
public static class SlaAlerts
{
    public static Task RaiseAsync(IGrainFactory grains, SlaBreach breach)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(breach);
        // No sample texts: an erasure would have to reach them in the alert store.
        var evidence = new AlertEvidence { Conversations = [breach.ConversationId], Authors = [breach.CustomerId] };
        return grains.GetGrain<IBrandTopicGrain>(breach.TopicId).RaiseAlertAsync(
            AlertKind.SlaBreach,
            breach.Severity,
            new AlertWindow(breach.WaitingSince, breach.DueAt),
            Math.Round(breach.WaitedMinutes, 1),
            breach.LimitMinutes,
            evidence);
    }
}
