using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ReputationEngine.Abstractions.Validation;
using ReputationEngine.Analytics.Matching;
using ReputationEngine.Benchmarks.Baseline;

namespace ReputationEngine.Benchmarks;

/// <summary>
/// CPU work of the ingest path per mention: parsing the request body (the baseline every ingest pays) and
/// matching topic rules in the workers (50 topics), with plain tokenization beside it for scale.
/// <see cref="ParseAndValidateLegacy"/> is the body-to-mentions path before `parse1` (JsonDocument, then property
/// lookups; kept in Baseline/ only for this), <see cref="ParseAndValidate"/> the Utf8JsonReader parser that replaced it.
/// </summary>
[MemoryDiagnoser]
public class IngestPathBenchmarks
{
    public const int MentionsPerBody = 1_000;
    public const int Topics = 50;

    private static readonly string[] ExplicitTopics = ["acme"];
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private byte[] _body = [];
    private string[] _texts = [];
    private TopicMatcher _matcher = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = SyntheticPosts.Generate(MentionsPerBody);
        var builder = new StringBuilder("[");
        for (var i = 0; i < _texts.Length; i++)
        {
            builder.Append(i == 0 ? "" : ",").Append(JsonSerializer.Serialize(new
            {
                id = $"tw:{i}",
                source = "twitter",
                createdAt = Now.AddSeconds(-i).ToString("O"),
                author = new { id = $"tw:user{i % 300}", followers = i * 7 },
                text = _texts[i],
                topics = i % 3 == 0 ? ExplicitTopics : null,
            }));
        }

        _body = Encoding.UTF8.GetBytes(builder.Append(']').ToString());
        var legacy = LegacyMentionBodyReader.Parse(_body, ndjson: false, Now).Parsed!;
        var current = MentionBodyParser.Parse(_body, ndjson: false, Now).Result!;
        if (legacy.Valid.Count != MentionsPerBody || current.Valid.Count != MentionsPerBody)
        {
            throw new InvalidOperationException($"every mention of the body must be valid: legacy {legacy.Valid.Count}, new {current.Valid.Count}");
        }

        _matcher = new TopicMatcher(Enumerable.Range(0, Topics).Select(t =>
            new TopicRule($"topic{t}", [$"brand{t}", $"product {t}"], [$"brand{t}fail"], [$"brand{t}help"], [])));
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = MentionsPerBody)]
    public int ParseJsonOnly()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetArrayLength();
    }

    [Benchmark(OperationsPerInvoke = MentionsPerBody)]
    public int ParseAndValidateLegacy() => LegacyMentionBodyReader.Parse(_body, ndjson: false, Now).Parsed!.Valid.Count;

    [Benchmark(OperationsPerInvoke = MentionsPerBody)]
    public int ParseAndValidate() => MentionBodyParser.Parse(_body, ndjson: false, Now).Result!.Valid.Count;

    [Benchmark(OperationsPerInvoke = MentionsPerBody)]
    public int TokenizeOnly()
    {
        var tokens = 0;
        foreach (var text in _texts)
        {
            tokens += TextTokenizer.Tokens(text).Count;
        }

        return tokens;
    }

    [Benchmark(OperationsPerInvoke = MentionsPerBody)]
    public int MatchTopics()
    {
        var matched = 0;
        foreach (var text in _texts)
        {
            matched += _matcher.Match(text).Length;
        }

        return matched;
    }
}
