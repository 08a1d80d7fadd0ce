#include "datasetdialog.h"

#include "sizelimits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

using namespace backprop;

namespace {
QString shapeTitle(DatasetShape shape)
{
    switch (shape) {
    case DatasetShape::Circle:
        return DatasetDialog::tr("Circle (inside or outside)");
    case DatasetShape::Xor:
        return DatasetDialog::tr("XOR quadrants");
    case DatasetShape::TwoGaussians:
        return DatasetDialog::tr("Two Gaussian clouds");
    case DatasetShape::Spiral:
        return DatasetDialog::tr("Two spirals");
    case DatasetShape::Plane:
        return DatasetDialog::tr("Plane (regression)");
    case DatasetShape::Sine:
        return DatasetDialog::tr("Sine (regression)");
    }
    return {};
}
} // namespace

DatasetDialog::DatasetDialog(bool canReplace, QWidget *parent)
    : QDialog(parent), m_shape(new QComboBox(this)), m_samples(new QSpinBox(this)),
      m_noise(new QDoubleSpinBox(this)), m_seed(new QSpinBox(this)), m_range(new QComboBox(this)),
      m_replace(new QCheckBox(tr("Replace the current lesson's samples"), this))
{
    setWindowTitle(tr("Generate a data set"));
    for (const DatasetShape shape : datasetShapes())
        m_shape->addItem(shapeTitle(shape), static_cast<int>(shape));
    m_samples->setRange(1, static_cast<int>(maxSamples));
    m_samples->setValue(200);
    m_noise->setRange(0.0, maxDatasetNoise);
    m_noise->setSingleStep(0.05);
    m_noise->setValue(0.1);
    m_noise->setToolTip(tr("The standard deviation added to each input (classification) or to "
                           "the target (regression)"));
    m_seed->setRange(0, 1 << 30);
    m_seed->setValue(1);
    m_range->addItem(tr("−1 and 1 (tanh output, mean squared error)"),
                     static_cast<int>(TargetRange::MinusOneToOne));
    m_range->addItem(tr("0 and 1 (sigmoid output, binary cross-entropy)"),
                     static_cast<int>(TargetRange::ZeroToOne));
    m_replace->setEnabled(canReplace);
    m_replace->setToolTip(canReplace
                              ? tr("Keep the network and its weights; train on the new samples")
                              : tr("Needs a network with two inputs and one output"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("Shape:"), m_shape);
    form->addRow(tr("Samples:"), m_samples);
    form->addRow(tr("Noise:"), m_noise);
    form->addRow(tr("Seed:"), m_seed);
    form->addRow(tr("Targets:"), m_range);
    form->addRow(m_replace);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

DatasetShape DatasetDialog::shape() const
{
    return static_cast<DatasetShape>(m_shape->currentData().toInt());
}

long DatasetDialog::samples() const
{
    return m_samples->value();
}

double DatasetDialog::noise() const
{
    return m_noise->value();
}

std::uint64_t DatasetDialog::seed() const
{
    return static_cast<std::uint64_t>(m_seed->value());
}

TargetRange DatasetDialog::targetRange() const
{
    return static_cast<TargetRange>(m_range->currentData().toInt());
}

bool DatasetDialog::replacesData() const
{
    return m_replace->isEnabled() && m_replace->isChecked();
}
