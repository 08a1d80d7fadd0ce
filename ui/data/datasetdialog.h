#pragma once

#include "datasetgenerator.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

// Chooses a built-in data set: shape, samples, noise, seed and the targets' range; and
// whether it replaces the current lesson's samples (when the network has two inputs and
// one output) or starts a new lesson with a network made for it.
class DatasetDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DatasetDialog(bool canReplace, QWidget *parent = nullptr);

    backprop::DatasetShape shape() const;
    long samples() const;
    double noise() const;
    std::uint64_t seed() const;
    backprop::TargetRange targetRange() const;
    bool replacesData() const;

private:
    QComboBox *m_shape = nullptr;
    QSpinBox *m_samples = nullptr;
    QDoubleSpinBox *m_noise = nullptr;
    QSpinBox *m_seed = nullptr;
    QComboBox *m_range = nullptr;
    QCheckBox *m_replace = nullptr;
};
