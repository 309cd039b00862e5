using Orderly.Domain.Workflow;

namespace Orderly.Domain.Tests.Workflow;

public sealed class TimeInStepTests
{
    private static long[] Counts(params (int Bucket, long Count)[] filled)
    {
        var counts = new long[TimeInStep.BucketCount];
        foreach (var (bucket, count) in filled) counts[bucket] = count;
        return counts;
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(0.1, 1)]
    [InlineData(5, 1)]
    [InlineData(5.1, 2)]
    [InlineData(240, 9)]
    [InlineData(241, 10)]
    [InlineData(17280, 21)]
    [InlineData(17281, 22)]
    public void A_duration_falls_in_the_bucket_whose_upper_bound_holds_it(decimal minutes, int bucket) =>
        TimeInStep.BucketOf(minutes).ShouldBe(bucket);

    [Fact]
    public void Quantiles_interpolate_within_the_bucket_that_holds_them()
    {
        // 10 steps of 30–60 minutes (bucket 5): the median lies half way, p90 nine tenths of the way.
        var counts = Counts((5, 10));
        TimeInStep.Quantile(counts, 0.5m).ShouldBe(45m);
        TimeInStep.Quantile(counts, 0.9m).ShouldBe(57m);
    }

    [Fact]
    public void Quantiles_move_to_the_bucket_where_the_rank_lands()
    {
        // 8 quick steps (up to 5 min) and 2 of a day and more (960–1440): the median is quick, p90 lies in the slow bucket.
        var counts = Counts((1, 8), (14, 2));
        TimeInStep.Quantile(counts, 0.5m).ShouldBe(3.1m);
        TimeInStep.Quantile(counts, 0.9m).ShouldBe(1200m);
    }

    [Fact]
    public void Nothing_counted_has_no_quantile_and_the_open_last_bucket_reports_its_lower_bound()
    {
        TimeInStep.Quantile(Counts(), 0.5m).ShouldBeNull();
        TimeInStep.Quantile(Counts((22, 3)), 0.9m).ShouldBe(17280m);
        TimeInStep.Quantile(Counts((0, 4), (5, 1)), 0.5m).ShouldBe(0m, "steps done at once take no time");
        Should.Throw<ArgumentException>(() => TimeInStep.Quantile([1, 2], 0.5m));
    }
}
