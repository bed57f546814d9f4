namespace ReputationEngine.Analytics.Crm;

/// <summary>
/// A topic's response SLA, read from its <c>alerting</c> settings (names below, numbers as values), with
/// defaults: negative conversations get a first brand response within 60 minutes, influential customers
/// within 15. <c>slaFirstResponseMinutes</c> ≤ 0 switches the SLA off for the topic.
/// </summary>
public sealed record SlaSettings
{
    public const string FirstResponseMinutesKey = "slaFirstResponseMinutes";
    public const string InfluentialFirstResponseMinutesKey = "slaInfluentialFirstResponseMinutes";
    public const string InfluentialMinInfluenceKey = "slaInfluentialMinInfluence";
    public const string NegativeOnlyKey = "slaNegativeOnly";
    public const string SeverityKey = "slaSeverity";

    public const double DefaultFirstResponseMinutes = 60;
    public const double DefaultInfluentialFirstResponseMinutes = 15;
    public const double DefaultInfluentialMinInfluence = InfluenceModel.HighInfluence;
    public const int DefaultSeverity = 5;

    /// <summary>Added to the severity when the waiting customer is influential.</summary>
    public const int InfluentialSeverityBonus = 3;

    public double FirstResponseMinutes { get; init; } = DefaultFirstResponseMinutes;

    public double InfluentialFirstResponseMinutes { get; init; } = DefaultInfluentialFirstResponseMinutes;

    public double InfluentialMinInfluence { get; init; } = DefaultInfluentialMinInfluence;

    /// <summary>True: only conversations with a negative customer message are under the SLA.</summary>
    public bool NegativeOnly { get; init; } = true;

    public int Severity { get; init; } = DefaultSeverity;

    public bool Enabled => FirstResponseMinutes > 0;

    public static SlaSettings Default { get; } = new();

    public static SlaSettings From(IReadOnlyDictionary<string, double>? alerting)
    {
        if (alerting is null || alerting.Count == 0)
        {
            return Default;
        }

        return new SlaSettings
        {
            FirstResponseMinutes = Get(alerting, FirstResponseMinutesKey, DefaultFirstResponseMinutes),
            InfluentialFirstResponseMinutes = Get(alerting, InfluentialFirstResponseMinutesKey, DefaultInfluentialFirstResponseMinutes),
            InfluentialMinInfluence = Get(alerting, InfluentialMinInfluenceKey, DefaultInfluentialMinInfluence),
            NegativeOnly = Get(alerting, NegativeOnlyKey, 1) != 0,
            Severity = (int)Math.Clamp(Get(alerting, SeverityKey, DefaultSeverity), 1, 10),
        };
    }

    /// <summary>The response time allowed for a customer of this influence.</summary>
    public TimeSpan LimitFor(double influence)
    {
        var minutes = influence >= InfluentialMinInfluence && InfluentialFirstResponseMinutes > 0
            ? Math.Min(InfluentialFirstResponseMinutes, FirstResponseMinutes)
            : FirstResponseMinutes;
        return TimeSpan.FromMinutes(minutes);
    }

    private static double Get(IReadOnlyDictionary<string, double> alerting, string key, double fallback) =>
        alerting.TryGetValue(key, out var value) && double.IsFinite(value) ? value : fallback;
}
