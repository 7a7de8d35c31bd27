namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>The ordinary least-squares line through points (x, y).</summary>
internal static class LeastSquares
{
    /// <summary>The slope dy/dx; NaN with fewer than two distinct x.</summary>
    public static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return double.NaN;
        }

        var meanX = points.Average(point => point.X);
        var meanY = points.Average(point => point.Y);
        var spread = points.Sum(point => (point.X - meanX) * (point.X - meanX));
        return spread == 0 ? double.NaN : points.Sum(point => (point.X - meanX) * (point.Y - meanY)) / spread;
    }
}
