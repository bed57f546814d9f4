namespace ReputationEngine.Abstractions.Alerts;

public static class AlertSamples
{
    /// <summary>
    /// Evidence with the texts of these mentions blanked (privacy erasure keeps the id, drops the words);
    /// null when no sample is one of them.
    /// </summary>
    public static AlertEvidence? WithoutTexts(AlertEvidence evidence, IReadOnlySet<string> mentionIds)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(mentionIds);
        if (!evidence.Samples.Any(s => mentionIds.Contains(s.Id) && s.Text.Length > 0))
        {
            return null;
        }

        return evidence with
        {
            Samples = [.. evidence.Samples.Select(s => mentionIds.Contains(s.Id) ? s with { Text = "" } : s)],
        };
    }
}
