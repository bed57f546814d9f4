namespace ReputationEngine.LoadTests.Traffic;

/// <summary>
/// Finds the real cascades at run time: <c>$REPUTATION_DATA_DIR/cascades/training</c>, else a
/// <c>shared/data</c> folder found walking up from the working directory or the harness's own folder.
/// Missing data is not an error: the run then uses generated cascades only.
/// </summary>
public static class CascadeLibrary
{
    public const string DataDirVariable = "REPUTATION_DATA_DIR";
    public const string CascadeFolder = "cascades/training";
    public const string FilePattern = "RT*.txt";

    private static readonly string SharedData = Path.Combine("shared", "data");

    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable(DataDirVariable) is { Length: > 0 } configured)
        {
            var dir = Path.Combine(configured, CascadeFolder);
            return Directory.Exists(dir) ? dir : null;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SharedData, CascadeFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>Up to <paramref name="count"/> cascades, chosen by the seeded generator; empty when absent.</summary>
    public static IReadOnlyList<CascadeShape> Load(Random rng, int count)
    {
        var dir = Locate();
        if (dir is null || count <= 0)
        {
            return [];
        }

        var files = Directory.GetFiles(dir, FilePattern).Order(StringComparer.Ordinal).ToList();
        var chosen = new List<CascadeShape>(count);
        while (chosen.Count < count && files.Count > 0)
        {
            var pick = rng.Next(files.Count);
            var shape = CascadeShape.Parse(Path.GetFileName(files[pick]), File.ReadLines(files[pick]));
            files.RemoveAt(pick);
            if (shape.Seconds.Length > 1)
            {
                chosen.Add(shape);
            }
        }

        return chosen;
    }
}
