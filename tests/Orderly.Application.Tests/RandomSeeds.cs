namespace Orderly.Application.Tests;

/// <summary>
/// Seeds for random-sequence tests: the fixed ones given, plus one more — ORDERLY_SEED when set (to replay a failure),
/// otherwise a fresh random one, which the failing test prints.
/// </summary>
public static class RandomSeeds
{
    public static TheoryData<int> With(params int[] fixedSeeds)
    {
        var seeds = new TheoryData<int>(fixedSeeds);
        seeds.Add(int.TryParse(Environment.GetEnvironmentVariable("ORDERLY_SEED"), out var pinned) ? pinned : Random.Shared.Next());
        return seeds;
    }
}
