using System.Globalization;
using System.Text.Json;

namespace ReputationEngine.Evaluation.Nab;

/// <summary>Reads the NAB layout: <c>data/&lt;group&gt;/&lt;file&gt;.csv</c> and <c>labels/combined_windows.json</c>.</summary>
public static class NabCorpus
{
    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";

    public static List<NabSeries> Load(string nabDir)
    {
        var windowsPath = Path.Combine(nabDir, "labels", "combined_windows.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(windowsPath));
        var result = new List<NabSeries>();
        foreach (var file in doc.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var csv = Path.Combine(nabDir, "data", file.Name);
            if (!File.Exists(csv))
            {
                continue; // e.g. realTweets, held out on this machine
            }

            var windows = file.Value.EnumerateArray()
                .Select(w => (ParseTime(w[0].GetString()!), ParseTime(w[1].GetString()!)))
                .ToList();
            var (times, values) = ReadCsv(csv);
            result.Add(new NabSeries(file.Name, times, values, windows));
        }

        return result;
    }

    /// <summary>Reads a <c>timestamp,value</c> CSV (header first).</summary>
    public static (DateTime[] Times, double[] Values) ReadCsv(string path)
    {
        var times = new List<DateTime>();
        var values = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var comma = line.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                continue;
            }

            times.Add(ParseTime(line[..comma]));
            values.Add(double.Parse(line[(comma + 1)..], CultureInfo.InvariantCulture));
        }

        return (times.ToArray(), values.ToArray());
    }

    private static DateTime ParseTime(string s) =>
        DateTime.ParseExact(s.Length > TimestampFormat.Length ? s[..TimestampFormat.Length] : s, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
