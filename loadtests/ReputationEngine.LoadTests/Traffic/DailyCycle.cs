namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// The daily rhythm of chatter, compressed into a profile's <c>DailyCycle</c>: quiet before dawn, busiest in
/// the evening. The run starts at <see cref="StartHour"/> of the simulated day.
/// </summary>
public sealed class DailyCycle(TimeSpan period, double amplitude)
{
    public const double PeakHour = 20;
    public const double StartHour = 10;
    private const double HoursPerDay = 24;

    public double Multiplier(TimeSpan elapsed)
    {
        var hour = (StartHour + HoursPerDay * elapsed.TotalSeconds / period.TotalSeconds) % HoursPerDay;
        return Math.Max(0, 1 + amplitude * Math.Cos(2 * Math.PI * (hour - PeakHour) / HoursPerDay));
    }
}
