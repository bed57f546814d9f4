using BenchmarkDotNet.Running;
using ReputationEngine.Benchmarks;

// `-- --dump-texts FILE [COUNT]` writes the benchmark's texts so peers (AFINN) and the
// whole-process `reputation score` run can be timed on the same kind of input.
if (args is ["--dump-texts", var path, .. var rest])
{
    var count = rest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : SentimentBenchmarks.TextCount;
    File.WriteAllLines(path, SyntheticPosts.Generate(count));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
