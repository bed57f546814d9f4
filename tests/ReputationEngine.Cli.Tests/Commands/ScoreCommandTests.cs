using System.Text;
using System.Text.Json;
using ReputationEngine.Analytics.Sentiment;
using ReputationEngine.Cli.Commands;

namespace ReputationEngine.Cli.Tests.Commands;

public sealed class ScoreCommandTests
{
    private static readonly string[] Labels = ["negative", "neutral", "positive"];

    private static List<JsonElement> Score(byte[] input)
    {
        using var stdin = new MemoryStream(input);
        using var stdout = new MemoryStream();
        ScoreCommand.Score(SentimentModel.LoadDefault(), stdin, stdout);
        var text = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        return [.. text.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }

    private static void AssertValid(JsonElement result)
    {
        Assert.Contains(result.GetProperty("label").GetString(), Labels);
        Assert.InRange(result.GetProperty("score").GetSingle(), -1f, 1f);
        var sum = result.GetProperty("negative").GetSingle() + result.GetProperty("neutral").GetSingle() + result.GetProperty("positive").GetSingle();
        Assert.InRange(sum, 0.999f, 1.001f);
    }

    [Fact]
    public void Score_MixedLines_OneResultPerLine()
    {
        var results = Score(Encoding.UTF8.GetBytes("I love it :)\n\nworst service ever\n"));

        Assert.Equal(3, results.Count);
        Assert.Equal("positive", results[0].GetProperty("label").GetString());
        Assert.Equal("neutral", results[1].GetProperty("label").GetString());
        Assert.Equal(1f, results[1].GetProperty("neutral").GetSingle());
        Assert.Equal("negative", results[2].GetProperty("label").GetString());
        results.ForEach(AssertValid);
    }

    [Fact]
    public void Score_InvalidUtf8_StillScored()
    {
        byte[] input = [.. "bad "u8.ToArray(), 0xFF, 0xFE, 0xC3, .. " great product\n"u8.ToArray(), 0x80, .. "\n"u8.ToArray()];

        var results = Score(input);

        Assert.Equal(2, results.Count);
        results.ForEach(AssertValid);
    }

    [Fact]
    public void Score_VeryLongLine_Scored()
    {
        var longLine = string.Concat(Enumerable.Repeat("terrible awful service ", 200_000));

        var results = Score(Encoding.UTF8.GetBytes($"{longLine}\nok\n"));

        Assert.Equal(2, results.Count);
        Assert.Equal("negative", results[0].GetProperty("label").GetString());
        results.ForEach(AssertValid);
    }

    [Fact]
    public void Score_LastLineWithoutNewlineAndCrLf_OneResultEach()
    {
        var results = Score(Encoding.UTF8.GetBytes("good\r\nbad\r\nfine"));

        Assert.Equal(3, results.Count);
    }

    [Fact]
    public void Score_ManyLines_OrderKept()
    {
        var lines = Enumerable.Range(0, 40_000).Select(i => i % 2 == 0 ? $"great {i}" : $"awful {i}").ToList();

        var results = Score(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));

        Assert.Equal(lines.Count, results.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? "positive" : "negative", results[i].GetProperty("label").GetString());
        }
    }
}
