using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Text;
using ReputationEngine.Analytics.Sentiment;

namespace ReputationEngine.Cli.Commands;

/// <summary>
/// <c>reputation score [--model PATH]</c>: one text per stdin line, one JSON result per stdout
/// line (DESIGN §4.1). Every line gets a result: empty lines score neutral, invalid UTF-8 is
/// replaced (U+FFFD), very long lines are scored on their first <c>SocialTokenizer.MaxChars</c> chars.
/// </summary>
public static class ScoreCommand
{
    /// <summary>Lines scored together; large enough to amortize the parallel hand-off.</summary>
    private const int BatchSize = 16_384;

    private const int IoBufferBytes = 1 << 16;

    /// <summary>Batches read ahead of the scorer; bounds memory on huge inputs.</summary>
    private const int BatchesInFlight = 2;

    /// <summary>One JSON result line is at most ~110 bytes.</summary>
    private const int MaxResultBytes = 256;

    private static readonly StandardFormat ProbabilityFormat = new('F', 4);

    public static Command Create()
    {
        var model = new Option<FileInfo?>("--model") { Description = "Model file to use instead of the built-in one" };
        var command = new Command("score", "Score stdin lines for sentiment, one JSON object per line") { model };
        command.SetAction(parse => Run(parse.GetValue(model)));
        return command;
    }

    private static int Run(FileInfo? modelFile)
    {
        if (modelFile is { Exists: false })
        {
            Console.Error.WriteLine($"model file not found: {modelFile.FullName}");
            return 1;
        }

        var model = modelFile is null ? SentimentModel.LoadDefault() : SentimentModel.Load(modelFile.FullName);
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        Score(model, stdin, stdout);
        return 0;
    }

    /// <summary>Scores every line of <paramref name="inputStream"/> into <paramref name="outputStream"/>.</summary>
    public static void Score(ISentimentScorer model, Stream inputStream, Stream outputStream)
    {
        // Invalid UTF-8 becomes U+FFFD instead of an exception: a result per line, always.
        using var input = new StreamReader(inputStream, new UTF8Encoding(false, false), false, IoBufferBytes, leaveOpen: true);
        using var output = new BufferedStream(outputStream, IoBufferBytes);

        // Reading and decoding the next batch overlaps with scoring and writing this one.
        using var batches = new BlockingCollection<string[]>(BatchesInFlight);
        var reader = Task.Run(() =>
        {
            try
            {
                var batch = new List<string>(BatchSize);
                while (input.ReadLine() is { } text)
                {
                    batch.Add(text);
                    if (batch.Count == BatchSize)
                    {
                        batches.Add([.. batch]);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    batches.Add([.. batch]);
                }
            }
            finally
            {
                batches.CompleteAdding();
            }
        });

        var results = new SentimentResult[BatchSize];
        var line = new byte[MaxResultBytes];
        foreach (var batch in batches.GetConsumingEnumerable())
        {
            ScoreParallel(model, batch, results);
            for (var i = 0; i < batch.Length; i++)
            {
                var length = Format(results[i], line);
                output.Write(line, 0, length);
            }
        }

        reader.GetAwaiter().GetResult();
    }

    private static void ScoreParallel(ISentimentScorer model, string[] texts, SentimentResult[] results)
    {
        var workers = Environment.ProcessorCount;
        var chunk = (texts.Length + workers - 1) / workers;
        Parallel.For(0, workers, w =>
        {
            var start = w * chunk;
            var end = Math.Min(texts.Length, start + chunk);
            if (start < end)
            {
                model.ScoreBatch(texts.AsSpan(start, end - start), results.AsSpan(start, end - start));
            }
        });
    }

    /// <summary>Writes <c>{"label":…,"score":…,"negative":…,"neutral":…,"positive":…}\n</c> as UTF-8.</summary>
    private static int Format(SentimentResult result, byte[] buffer)
    {
        var span = buffer.AsSpan();
        var n = 0;
        Append(span, ref n, "{\"label\":\""u8);
        Append(span, ref n, result.Label switch
        {
            SentimentClass.Negative => "negative"u8,
            SentimentClass.Positive => "positive"u8,
            _ => "neutral"u8,
        });
        Append(span, ref n, "\",\"score\":"u8);
        Number(span, ref n, result.Score);
        Append(span, ref n, ",\"negative\":"u8);
        Number(span, ref n, result.Negative);
        Append(span, ref n, ",\"neutral\":"u8);
        Number(span, ref n, result.Neutral);
        Append(span, ref n, ",\"positive\":"u8);
        Number(span, ref n, result.Positive);
        Append(span, ref n, "}\n"u8);
        return n;
    }

    private static void Append(Span<byte> buffer, ref int n, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[n..]);
        n += text.Length;
    }

    private static void Number(Span<byte> buffer, ref int n, float value)
    {
        // Rounded to 4 places; "-0.0000" would be valid JSON but odd, so tiny negatives print as 0.
        var rounded = MathF.Round(value, 4);
        Utf8Formatter.TryFormat(rounded == 0f ? 0f : rounded, buffer[n..], out var written, ProbabilityFormat);
        n += written;
    }
}
