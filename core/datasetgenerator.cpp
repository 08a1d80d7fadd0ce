#include "datasetgenerator.h"

#include "nametable.h"
#include "random.h"
#include "sizelimits.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace backprop {

namespace {

constexpr double pi = std::numbers::pi;

constexpr NameTable<DatasetShape, 6> shapeNames {{{DatasetShape::Circle, "circle"},
                                                  {DatasetShape::Xor, "xor"},
                                                  {DatasetShape::TwoGaussians, "gaussians"},
                                                  {DatasetShape::Spiral, "spiral"},
                                                  {DatasetShape::Plane, "plane"},
                                                  {DatasetShape::Sine, "sine"}}};

struct Point
{
    double x = 0.0, y = 0.0;
};

// A point of class `positive` (the class of sample k), before noise.
Point classPoint(DatasetShape shape, bool positive, long k, long samples, Random &random)
{
    switch (shape) {
    case DatasetShape::Circle: {
        const double radius = positive ? random.uniform(0.0, 0.5) : random.uniform(0.7, 1.0);
        const double angle = random.uniform(0.0, 2.0 * pi);
        return {radius * std::cos(angle), radius * std::sin(angle)};
    }
    case DatasetShape::Xor: {
        // A margin of 0.05 around the axes keeps the quadrants apart when noise is 0.
        const auto coordinate = [&random](bool negative) {
            const double magnitude = random.uniform(0.05, 1.0);
            return negative ? -magnitude : magnitude;
        };
        const bool xNegative = random.uniform() < 0.5;
        const bool yNegative = positive ? xNegative : !xNegative;
        return {coordinate(xNegative), coordinate(yNegative)};
    }
    case DatasetShape::TwoGaussians: {
        const double centre = positive ? 0.5 : -0.5;
        return {centre + 0.25 * random.normal(), centre + 0.25 * random.normal()};
    }
    case DatasetShape::Spiral: {
        // Arm point i of n: radius r = i / n, angle θ = 1.75 · 2π · r (+ π for class 0).
        const long perArm = (samples + 1) / 2;
        const double r = static_cast<double>(k / 2) / static_cast<double>(std::max(1L, perArm));
        const double angle = 1.75 * 2.0 * pi * r + (positive ? 0.0 : pi);
        return {r * std::sin(angle), r * std::cos(angle)};
    }
    case DatasetShape::Plane:
    case DatasetShape::Sine:
        break;
    }
    return {random.uniform(-1.0, 1.0), random.uniform(-1.0, 1.0)};
}

double regressionTarget(DatasetShape shape, Point p)
{
    if (shape == DatasetShape::Plane)
        return (p.x + p.y) / 2.0;
    return std::sin(pi * p.x) * std::cos(pi * p.y / 2.0);
}

} // namespace

std::string_view datasetShapeName(DatasetShape shape)
{
    return nameIn(shapeNames, shape);
}

std::optional<DatasetShape> datasetShapeFromName(std::string_view name)
{
    return valueIn(shapeNames, name);
}

std::vector<DatasetShape> datasetShapes()
{
    std::vector<DatasetShape> shapes;
    for (const auto &entry : shapeNames)
        shapes.push_back(entry.first);
    return shapes;
}

bool isClassification(DatasetShape shape)
{
    return shape != DatasetShape::Plane && shape != DatasetShape::Sine;
}

Dataset generateDataset(DatasetShape shape, long samples, double noise, std::uint64_t seed,
                        TargetRange range)
{
    samples = std::clamp(samples, 1L, maxSamples);
    noise = std::isnan(noise) ? 0.0 : std::clamp(noise, 0.0, maxDatasetNoise);
    Random random(seed);
    Dataset dataset;
    dataset.inputs.resize(2, samples);
    dataset.targets.resize(1, samples);
    const double negativeLabel = range == TargetRange::ZeroToOne ? 0.0 : -1.0;
    for (long k = 0; k < samples; ++k) {
        const bool positive = k % 2 == 0;
        Point p = classPoint(shape, positive, k, samples, random);
        double target = 0.0;
        if (isClassification(shape)) {
            p.x += noise * random.normal();
            p.y += noise * random.normal();
            target = positive ? 1.0 : negativeLabel;
        } else {
            target = regressionTarget(shape, p) + noise * random.normal();
            if (range == TargetRange::ZeroToOne)
                target = (target + 1.0) / 2.0;
        }
        dataset.inputs(0, k) = p.x;
        dataset.inputs(1, k) = p.y;
        dataset.targets(0, k) = target;
    }
    return dataset;
}

} // namespace backprop
