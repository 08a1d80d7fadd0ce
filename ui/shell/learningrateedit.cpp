#include "learningrateedit.h"

#include "numberformat.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>

#include <algorithm>
#include <cmath>

namespace {
// The slider covers 10^−4 … 10^1 in steps of 10^(1/20).
constexpr double lowestExponent = -4.0;
constexpr double highestExponent = 1.0;
constexpr int stepsPerDecade = 20;

int sliderPosition(double value)
{
    const double exponent = std::clamp(std::log10(value), lowestExponent, highestExponent);
    return static_cast<int>(std::lround((exponent - lowestExponent) * stepsPerDecade));
}
} // namespace

LearningRateEdit::LearningRateEdit(QWidget *parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_slider(new QSlider(Qt::Horizontal, this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_slider);
    m_edit->setMaximumWidth(110);
    m_edit->setToolTip(tr("Learning rate η: any positive number (L)"));
    m_edit->setAccessibleName(tr("Learning rate"));
    m_slider->setRange(0, static_cast<int>((highestExponent - lowestExponent) * stepsPerDecade));
    m_slider->setMinimumWidth(120);
    m_slider->setToolTip(tr("Learning rate η on a logarithmic scale, 0.0001 to 10"));
    connect(m_edit, &QLineEdit::editingFinished, this, &LearningRateEdit::commitText);
    connect(m_edit, &QLineEdit::returnPressed, this, &LearningRateEdit::returnPressed);
    connect(m_slider, &QSlider::valueChanged, this, &LearningRateEdit::commitSlider);
    setValue(m_value);
}

void LearningRateEdit::setValue(double value)
{
    m_value = value;
    const QSignalBlocker blockEdit(m_edit);
    const QSignalBlocker blockSlider(m_slider);
    m_edit->setText(NumberFormat::shortest(value, NumberFormat::maximumDecimals));
    m_slider->setValue(sliderPosition(value));
}

void LearningRateEdit::commitText()
{
    const std::optional<double> typed = NumberFormat::parse(m_edit->text());
    if (!typed || *typed <= 0.0) {
        emit editRefused(tr("The learning rate must be a positive number; \"%1\" is not. "
                            "It stays %2.")
                             .arg(m_edit->text(), NumberFormat::shortest(m_value, 9)));
        setValue(m_value);
        return;
    }
    if (*typed == m_value)
        return;
    setValue(*typed);
    emit learningRateEdited(*typed);
}

void LearningRateEdit::commitSlider(int position)
{
    const double exponent = lowestExponent + static_cast<double>(position) / stepsPerDecade;
    // Round to two significant digits so the slider gives tidy values (0.05, not 0.0501187).
    const double raw = std::pow(10.0, exponent);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)) - 1);
    const double value = std::round(raw / magnitude) * magnitude;
    if (value == m_value)
        return;
    setValue(value);
    emit learningRateEdited(value);
}
