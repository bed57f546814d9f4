using BenchmarkDotNet.Running;
using ReputationEngine.Benchmarks;

// `-- --dump-texts FILE` writes the benchmark's texts so peers (AFINN) can be timed on the same input.
if (args is ["--dump-texts", var path])
{
    File.WriteAllLines(path, SyntheticPosts.Generate(SentimentBenchmarks.TextCount));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
