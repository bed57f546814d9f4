namespace ReputationEngine.Evaluation.Cascades;

/// <summary>One retweet cascade: final share count and (seconds since post, followers) per event; event 0 is the original post.</summary>
public sealed record Cascade(string Name, int FinalShares, double[] Seconds, double[] Followers)
{
    public static Cascade Load(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).ToArray();
        var final = int.Parse(lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);
        var events = lines.Skip(1).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        return new Cascade(
            Path.GetFileNameWithoutExtension(path),
            final,
            events.Select(e => double.Parse(e[0], System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            events.Select(e => double.Parse(e[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }
}
