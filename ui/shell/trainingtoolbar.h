#pragma once

#include "optimizer.h"
#include "phase.h"

#include <QToolBar>

class QComboBox;
class QDoubleSpinBox;
class LearningRateEdit;

// The controls of the toolbar that are not plain actions: how far a step goes, how fast a
// run animates, the learning rate and the optimizer. It shows the engine's settings
// (setSettings) and reports what the user chose; it changes nothing itself.
class TrainingToolBar : public QToolBar
{
    Q_OBJECT

public:
    explicit TrainingToolBar(QWidget *parent = nullptr);

    backprop::Granularity granularity() const;
    void setGranularity(backprop::Granularity granularity);
    double speed() const; // steps per second; 0 = full speed
    void setSettings(const backprop::OptimizerSettings &settings);
    LearningRateEdit *learningRateEdit() const { return m_learningRate; }
    QComboBox *optimizerBox() const { return m_optimizer; }
    QComboBox *granularityBox() const { return m_granularity; }
    QDoubleSpinBox *speedBox() const { return m_speed; }
    // Keys for the controls, added to `window` so they work wherever its focus is: 1 to 6
    // choose the granularity, [ and ] the speed, L and O go to η and the optimizer.
    void addKeysTo(QWidget *window);

signals:
    void granularityChanged(backprop::Granularity granularity);
    void speedChanged(double stepsPerSecond);
    void learningRateEdited(double value);
    void optimizerChosen(backprop::OptimizerKind kind);
    void editRefused(const QString &message);
    // The user is done with a field (Enter in η, a choice from a list), so the keyboard
    // can go back to the network.
    void editingFinished();

private:
    QComboBox *m_granularity = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    LearningRateEdit *m_learningRate = nullptr;
    QComboBox *m_optimizer = nullptr;
};
