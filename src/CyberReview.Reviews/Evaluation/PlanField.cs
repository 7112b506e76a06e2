namespace CyberReview.Reviews.Evaluation;

/// <summary>A field of an <see cref="ActivityPlan"/>; <see cref="ActivityPlan.FieldsOf"/> says which kinds have which.</summary>
public enum PlanField
{
    /// <summary>What the activity covers: product versions, components, functions, processes.</summary>
    Scope,

    /// <summary>How it is done: test methods, inspection checklists, tools, the standards followed.</summary>
    Method,

    PlannedStart,
    PlannedEnd,

    /// <summary>Laboratory testing: the test bed (hardware, software, network, configuration under test).</summary>
    TestEnvironment,

    /// <summary>Laboratory testing: where the laboratory is.</summary>
    LaboratoryLocation,

    /// <summary>On-site inspection: the address of the site.</summary>
    SiteAddress,

    /// <summary>On-site inspection: which premises and facilities (development, build, delivery, operations).</summary>
    Premises,

    /// <summary>Online monitoring: the endpoints and hosts watched, one each.</summary>
    Targets,

    /// <summary>Online monitoring: the first day of the live observation period.</summary>
    MonitoringFrom,

    /// <summary>Online monitoring: the last day of the live observation period.</summary>
    MonitoringUntil,

    /// <summary>Background investigation: the entities and the roles of people investigated, one each.</summary>
    Subjects,

    /// <summary>Background investigation: the sources consulted (registries, records, interviews), one each.</summary>
    Sources,
}
