using System.Globalization;
using ReputationEngine.Analytics.Forecast;

namespace ReputationEngine.Evaluation.Cascades;

/// <summary>
/// Median absolute percentage error of the final-share forecast one hour after the post,
/// leave-one-out: for each cascade, SEISMIC's corrections (α, γ) and the naive baseline's
/// multiplier are fitted on the other 49 by minimising the same median APE, then applied to it.
/// </summary>
public static class CascadeEvaluation
{
    public const double HorizonSeconds = 3600;

    private static readonly double[] AlphaGrid = Enumerable.Range(0, 81).Select(i => Math.Pow(10, -1.5 + (i * 0.0375))).ToArray();
    private static readonly double[] GammaGrid = [0, .. Enumerable.Range(0, 61).Select(i => Math.Pow(10, i * 0.075))];
    private static readonly double[] WindowGrid = [0, 0.5, 1.0];
    private static readonly double[] MultiplierGrid = Enumerable.Range(0, 401).Select(i => 1 + (i * 0.05)).ToArray();

    public static void Run(string cascadeDir, bool verbose)
    {
        var cascades = Directory.GetFiles(cascadeDir, "RT*.txt").Order(StringComparer.Ordinal).Select(Cascade.Load).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## Reach forecast at {HorizonSeconds / 3600:F0} h ({cascades.Count} cascades, leave-one-out)"));
        Console.WriteLine();
        Console.WriteLine("| forecaster | median APE | mean APE | fitted on all |");
        Console.WriteLine("|---|---:|---:|---|");
        // The default (unweighted infectiousness) first; the triangular-window estimate as an ablation.
        foreach (var window in WindowGrid)
        {
            var points = cascades.Select(c => Observe(c, HorizonSeconds, SeismicParameters.Default with { WindowFraction = window })).ToList();
            var errors = new List<double>();
            for (var i = 0; i < points.Count; i++)
            {
                var held = i;
                var parameters = FitSeismic(points.Where((_, j) => j != held).ToList(), window);
                var p = points[i];
                var predicted = CascadeForecaster.Predict(p.Shares, (p.Infectiousness, p.Remaining), parameters);
                errors.Add(Ape(predicted, p.Final));
                if (verbose && window == SeismicParameters.Default.WindowFraction)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{cascades[i].Name,-6} seen {p.Shares,5} final {p.Final,6} forecast {predicted,8:F0} (α {parameters.Alpha:G3}, γ {parameters.Gamma:G3})"));
                }
            }

            var all = FitSeismic(points, window);
            var name = window == 0 ? "SEISMIC-style CascadeForecaster (p̂ over whole history, default)" : $"SEISMIC-style, p̂ in triangular window {window} × age";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(errors):P1} | {errors.Average():P1} | α = {all.Alpha:G4}, γ = {all.Gamma:G4} |"));
        }

        var basePoints = cascades.Select(c => Observe(c, HorizonSeconds, SeismicParameters.Default)).ToList();
        var naiveErrors = new List<double>();
        for (var i = 0; i < basePoints.Count; i++)
        {
            var held = i;
            var k = FitNaive(basePoints.Where((_, j) => j != held).ToList());
            naiveErrors.Add(Ape(basePoints[i].Shares * k, basePoints[i].Final));
        }

        // Ablation: shrink SEISMIC's growth factor toward a constant, F = S·k·G^w with G = 1 + p̂·R/S (α = 1, γ = 0);
        // w = 0 is the naive baseline, w = 1 SEISMIC with α folded into k.
        var blendErrors = new List<double>();
        for (var i = 0; i < basePoints.Count; i++)
        {
            var held = i;
            var (k, w) = FitBlend(basePoints.Where((_, j) => j != held).ToList());
            blendErrors.Add(Ape(Blend(basePoints[i], k, w), basePoints[i].Final));
        }

        var (kAll, wAll) = FitBlend(basePoints);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| blend: observed × k × (SEISMIC growth)^w | {Median(blendErrors):P1} | {blendErrors.Average():P1} | k = {kAll:G3}, w = {wAll:G3} |"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| naive: observed × constant | {Median(naiveErrors):P1} | {naiveErrors.Average():P1} | constant = {FitNaive(basePoints):G4} |"));
        Console.WriteLine();
    }

    public static (long Shares, double Infectiousness, double Remaining, int Final) Observe(Cascade cascade, double horizon, SeismicParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(cascade);
        var forecaster = new CascadeForecaster(parameters);
        forecaster.AddOriginal(cascade.Followers[0]);
        for (var i = 1; i < cascade.Seconds.Length && cascade.Seconds[i] <= horizon; i++)
        {
            forecaster.AddShare(cascade.Seconds[i], cascade.Followers[i]);
        }

        var (p, remaining) = forecaster.Features(horizon);
        return (forecaster.Shares, p, remaining, cascade.FinalShares);
    }

    private static SeismicParameters FitSeismic(List<(long Shares, double Infectiousness, double Remaining, int Final)> train, double window)
    {
        var best = SeismicParameters.Default;
        var bestError = double.MaxValue;
        var errors = new double[train.Count];
        foreach (var alpha in AlphaGrid)
        {
            foreach (var gamma in GammaGrid)
            {
                var candidate = SeismicParameters.Default with { Alpha = alpha, Gamma = gamma, WindowFraction = window };
                for (var i = 0; i < train.Count; i++)
                {
                    var t = train[i];
                    errors[i] = Ape(CascadeForecaster.Predict(t.Shares, (t.Infectiousness, t.Remaining), candidate), t.Final);
                }

                var error = Median(errors);
                if (error < bestError)
                {
                    (best, bestError) = (candidate, error);
                }
            }
        }

        return best;
    }

    private static readonly double[] ExponentGrid = Enumerable.Range(0, 31).Select(i => i * 0.05).ToArray();

    private static double Blend((long Shares, double Infectiousness, double Remaining, int Final) t, double k, double w) =>
        t.Shares * k * Math.Pow(1 + (t.Infectiousness * t.Remaining / Math.Max(1, t.Shares)), w);

    private static (double K, double W) FitBlend(List<(long Shares, double Infectiousness, double Remaining, int Final)> train)
    {
        (double K, double W) best = (1, 0);
        var bestError = double.MaxValue;
        foreach (var w in ExponentGrid)
        {
            foreach (var k in MultiplierGrid.Select(m => m / 4))
            {
                var error = Median(train.Select(t => Ape(Blend(t, k, w), t.Final)).ToArray());
                if (error < bestError)
                {
                    (best, bestError) = ((k, w), error);
                }
            }
        }

        return best;
    }

    private static double FitNaive(List<(long Shares, double Infectiousness, double Remaining, int Final)> train) =>
        MultiplierGrid.MinBy(k => Median(train.Select(t => Ape(t.Shares * k, t.Final)).ToArray()));

    private static double Ape(double predicted, double actual) => Math.Abs(predicted - actual) / actual;

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
