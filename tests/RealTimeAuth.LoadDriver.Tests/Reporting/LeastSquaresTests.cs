using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Tests.Reporting;

public sealed class LeastSquaresTests
{
    [Fact]
    public void Slope_of_a_noisy_line_is_its_gradient()
    {
        var random = new Random(3);
        var points = Enumerable.Range(0, 200).Select(x => ((double)x, (2.5 * x) + 40 + random.NextDouble() - 0.5)).ToList();

        Assert.Equal(2.5, LeastSquares.Slope(points), 2);
    }

    [Fact]
    public void Slope_of_a_flat_series_is_zero_and_of_one_point_is_undefined()
    {
        Assert.Equal(0, LeastSquares.Slope([(0, 7), (1, 7), (2, 7)]));
        Assert.True(double.IsNaN(LeastSquares.Slope([(0, 7)])));
        Assert.True(double.IsNaN(LeastSquares.Slope([(1, 7), (1, 9)])));
    }
}
