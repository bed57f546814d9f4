using System.Globalization;

namespace ReputationEngine.LoadTests.Cli;

/// <summary>Durations as people type them on a command line: <c>90s</c>, <c>30m</c>, <c>1.5h</c>, or <c>hh:mm:ss</c>.</summary>
public static class DurationText
{
    public const string Help = "90s, 30m, 1h or hh:mm:ss";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var unit = text[^1] switch
        {
            's' or 'S' => TimeSpan.FromSeconds(1),
            'm' or 'M' => TimeSpan.FromMinutes(1),
            'h' or 'H' => TimeSpan.FromHours(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero)
        {
            // A bare number would be read as days: only the clock form is taken without a unit.
            return text.Contains(':', StringComparison.Ordinal)
                && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out duration) && duration > TimeSpan.Zero;
        }

        if (!double.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count)
            || count <= 0 || count * unit.TotalSeconds > TimeSpan.FromDays(7).TotalSeconds)
        {
            return false;
        }

        duration = count * unit;
        return true;
    }
}
