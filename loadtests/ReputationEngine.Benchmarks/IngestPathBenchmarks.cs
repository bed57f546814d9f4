using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ReputationEngine.Analytics.Matching;

namespace ReputationEngine.Benchmarks;

/// <summary>
/// CPU work of the ingest path per mention: parsing the request body (the baseline every ingest pays) and
/// matching topic rules in the workers (50 topics), with plain tokenization beside it for scale.
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
