namespace ReputationEngine.Analytics.Forecast;

/// <summary>
/// Parameters of the SEISMIC-style reach forecast (Zhao et al., KDD 2015).
/// The memory kernel is constant for <see cref="PlateauSeconds"/> and then decays as a power law
/// with exponent <c>1 + <see cref="Theta"/></c>; <see cref="Alpha"/> and <see cref="Gamma"/> are
/// the linear corrections the paper fits on training cascades.
/// </summary>
/// <param name="Theta">Power-law exponent of the memory kernel's tail.</param>
/// <param name="PlateauSeconds">Length of the kernel's constant start.</param>
/// <param name="Alpha">Multiplier on the predicted future shares.</param>
/// <param name="Gamma">Network correction: the prediction is divided by <c>1 − γ·p̂</c>.</param>
/// <param name="HorizonSeconds">"Final" means this long after the post (a week: a cascade's tail barely grows after that).</param>
/// <param name="WindowFraction">
/// Infectiousness is estimated with a triangular kernel over the last <c>WindowFraction × age</c>
/// of the cascade (recent shares weigh more, as SEISMIC's time-varying estimate); 0 = unweighted.
/// </param>
public sealed record SeismicParameters(double Theta, double PlateauSeconds, double Alpha, double Gamma, double WindowFraction, double HorizonSeconds)
{
    /// <summary>Kernel shape from the paper (θ = 0.242, s0 = 5 min).</summary>
    public const double PaperTheta = 0.242;

    public const double PaperPlateauSeconds = 300;

    public const double DefaultHorizonSeconds = 7 * 24 * 3600;

    /// <summary>
    /// Corrections fitted on the 50 training cascades at one hour by
    /// <c>loadtests/ReputationEngine.Evaluation -- cascades</c> (see docs/detection.md).
    /// </summary>
    public static SeismicParameters Default { get; } = new(PaperTheta, PaperPlateauSeconds, Alpha: 1.54, Gamma: 0.0, WindowFraction: 0, HorizonSeconds: DefaultHorizonSeconds);

    /// <summary>Kernel height on the plateau, chosen so the kernel integrates to one.</summary>
    public double PlateauHeight => 1.0 / (PlateauSeconds * (1.0 + (1.0 / Theta)));

    /// <summary>∫₀ˢ φ(u) du: the share of a sharer's lifetime influence already spent after <paramref name="seconds"/>.</summary>
    public double KernelIntegral(double seconds)
    {
        if (seconds <= 0)
        {
            return 0;
        }

        var c = PlateauHeight;
        if (seconds <= PlateauSeconds)
        {
            return c * seconds;
        }

        return (c * PlateauSeconds) + (c * PlateauSeconds / Theta * (1.0 - Math.Pow(seconds / PlateauSeconds, -Theta)));
    }

    /// <summary>∫₀ˢ u·φ(u) du, needed to integrate the kernel against a triangular weight in closed form.</summary>
    public double KernelFirstMoment(double seconds)
    {
        if (seconds <= 0)
        {
            return 0;
        }

        var c = PlateauHeight;
        if (seconds <= PlateauSeconds)
        {
            return c * seconds * seconds / 2;
        }

        var s0 = PlateauSeconds;
        return (c * s0 * s0 / 2) + (c * Math.Pow(s0, 1 + Theta) * (Math.Pow(seconds, 1 - Theta) - Math.Pow(s0, 1 - Theta)) / (1 - Theta));
    }

    /// <summary>
    /// ∫ K(age − u) φ(u) du over u in [0, age] with the triangular weight K(x) = max(0, 1 − x/window):
    /// the exposure a sharer of that age contributed within the estimation window.
    /// </summary>
    public double WeightedKernelIntegral(double age, double window)
    {
        if (age <= 0)
        {
            return 0;
        }

        var lower = Math.Max(0, age - window);
        return ((1 - (age / window)) * (KernelIntegral(age) - KernelIntegral(lower))) + ((KernelFirstMoment(age) - KernelFirstMoment(lower)) / window);
    }
}
