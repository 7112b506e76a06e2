using CyberReview.Reviews.Calendar;

namespace CyberReview.Reviews.Tests.Calendar;

public sealed class StageLimitsTests
{
    [Fact]
    public void The_defaults_are_those_of_the_final_measures()
    {
        var limits = new StageLimits();

        Assert.Equal(10, limits.Screening);
        Assert.Equal(30, limits.PreliminaryReview);
        Assert.Equal(15, limits.ComplexCaseExtension);
        Assert.Equal(15, limits.MemberDepartmentOpinions);
        Assert.Equal(90, limits.SpecialReview);
    }

    [Fact]
    public void Configuration_can_set_each_limit()
    {
        var limits = new StageLimits { Screening = 12, SpecialReview = 120 };

        Assert.Equal(12, limits.Screening);
        Assert.Equal(120, limits.SpecialReview);
        Assert.Equal(30, limits.PreliminaryReview);
    }
}
